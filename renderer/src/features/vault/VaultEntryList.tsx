/** The vault's entries: label, kind, when, public metadata. Copy and remove act by id in the main process. */
import { useState } from "react";
import type { VaultEntrySummary } from "../../../../shared/ipc/contract";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ACTIONS_COLUMN, DataTable } from "../../ui/DataTable";
import { formatAbsolute, formatDate } from "../../ui/format";
import { CopyIcon } from "../../ui/icons";
import { useClipboardStore } from "../clipboard";
import { ENTRY_KIND_LABELS, isVaultEntryKind } from "../../../../shared/domain/vault-entries";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { VaultEntryMeta } from "./VaultEntryMeta";
import { useVaultStore } from "./vault-store";

export function VaultEntryList({ entries }: { entries: VaultEntrySummary[] }) {
  const [removing, setRemoving] = useState<VaultEntrySummary | null>(null);
  const removeEntry = useVaultStore((state) => state.removeEntry);
  return (
    <>
      <DataTable className="simple-table vault-entries" caption="Vault entries" columns={["Label", "Kind", "Details", "Added", ACTIONS_COLUMN]}>
        {entries.map((entry) => (
          <VaultEntryRow key={entry.id} entry={entry} onRemove={() => setRemoving(entry)} />
        ))}
      </DataTable>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={`Remove ${removing?.label ?? "this entry"} from the vault?`}
        description="Its secret is deleted from the vault on this computer. A key stays valid on its workspace: revoke it there if nothing uses it."
        confirmLabel="Remove from vault"
        destructive
        onConfirm={async () => {
          if (removing) await removeEntry(removing.id);
        }}
      />
    </>
  );
}

function VaultEntryRow({ entry, onRemove }: { entry: VaultEntrySummary; onRemove: () => void }) {
  const copyVaultEntry = useClipboardStore((state) => state.copyVaultEntry);
  const copying = useAsyncAction();

  return (
    <tr>
      <td className="entry-label">
        <span className="truncate" title={entry.label}>
          {entry.label}
        </span>
        {copying.error ? (
          <span className="field-error" role="alert">
            {copying.error.message}
          </span>
        ) : null}
      </td>
      <td>{isVaultEntryKind(entry.kind) ? ENTRY_KIND_LABELS[entry.kind] : entry.kind}</td>
      <td>
        <VaultEntryMeta meta={entry.meta} />
      </td>
      <td>
        <time dateTime={entry.createdAt} title={formatAbsolute(entry.createdAt)}>
          {formatDate(entry.createdAt)}
        </time>
      </td>
      <td>
        <div className="entry-actions">
          <Button size="sm" busy={copying.busy} aria-label={`Copy ${entry.label}`} onClick={() => void copying.run(() => copyVaultEntry(entry.id))}>
            {copying.busy ? null : <CopyIcon />}
            Copy
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Remove ${entry.label}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </td>
    </tr>
  );
}
