/** The unlocked vault: its entries (labels and metadata only), keychain unlock, and how it locks. */
import { useEffect } from "react";
import type { VaultStatus } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { countOf } from "../../ui/format";
import { LockIcon } from "../../ui/icons";
import { Spinner } from "../../ui/Spinner";
import { ChangePassphraseForm } from "./ChangePassphraseForm";
import { KeychainToggle } from "./KeychainToggle";
import { VaultEntryList } from "./VaultEntryList";
import { useVaultStore } from "./vault-store";

export function VaultContents({ status }: { status: VaultStatus }) {
  const entries = useVaultStore((state) => state.entries);
  const entriesError = useVaultStore((state) => state.entriesError);
  const loadEntries = useVaultStore((state) => state.loadEntries);

  useEffect(() => {
    void loadEntries();
  }, [loadEntries]);

  return (
    <div className="vault-contents">
      <div className="card vault-summary">
        <div>
          <h2 className="card-title">Unlocked</h2>
          <p className="muted">
            {status.entryCount === null ? "Entries are listed below." : `${countOf(status.entryCount, "entry", "entries")}.`} It locks by itself after a while
            without activity (see Settings), when the computer sleeps and when the screen locks. Use Lock now in the top bar to lock it at once.
          </p>
        </div>
        <KeychainToggle status={status} />
      </div>

      <h2 className="section-title">Entries</h2>
      {entriesError ? (
        <Alert action={<Button onClick={() => void loadEntries()}>Retry</Button>}>{entriesError}</Alert>
      ) : entries === null ? (
        <Spinner label="Loading entries…" />
      ) : entries.length === 0 ? (
        <EmptyState icon={<LockIcon width={28} height={28} />} title="The vault is empty">
          <p>Tick “Keep in vault” when you create a key to find it here; admin tokens of remote workspaces are kept here too.</p>
        </EmptyState>
      ) : (
        <VaultEntryList entries={entries} />
      )}
      <ChangePassphraseForm />
    </div>
  );
}
