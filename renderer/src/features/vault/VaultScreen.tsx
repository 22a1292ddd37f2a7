/** The vault: set it up, unlock it, or see and use what it keeps. */
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { CreateVaultForm } from "./CreateVaultForm";
import { UnlockVaultForm } from "./UnlockVaultForm";
import { VaultContents } from "./VaultContents";
import { useVaultStore } from "./vault-store";

export function VaultScreen() {
  const status = useVaultStore((state) => state.status);
  const statusError = useVaultStore((state) => state.statusError);
  const loadStatus = useVaultStore((state) => state.loadStatus);

  return (
    <section className="screen vault-screen" aria-labelledby="vault-title">
      <header className="screen-header">
        <div>
          <h1 id="vault-title" className="screen-title">
            Vault
          </h1>
          <p className="screen-subtitle">Secrets of the keys you create and the workspaces' admin tokens, encrypted on this computer.</p>
        </div>
      </header>
      {statusError && !status ? (
        <Alert action={<Button onClick={() => void loadStatus()}>Retry</Button>}>{statusError}</Alert>
      ) : !status ? (
        <Spinner label="Opening the vault…" />
      ) : !status.exists ? (
        <CreateVaultForm />
      ) : !status.unlocked ? (
        <UnlockVaultForm keychainUnlockEnabled={status.keychainUnlockEnabled} />
      ) : (
        <VaultContents status={status} />
      )}
    </section>
  );
}
