/** The vault: set it up, unlock it, or see and use what it keeps. */
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ScreenHeader } from "../../ui/ScreenHeader";
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
      <ScreenHeader id="vault-title" title="Vault" subtitle="Secrets of the keys you create and the workspaces' admin tokens, encrypted on this computer." />
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
