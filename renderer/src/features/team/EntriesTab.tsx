/**
 * The team vault's entries: label, the workspace key each holds with its live status and last use,
 * who changed it last, and Copy (the main process copies; the secret never comes here). Stale
 * entries (their key revoked or expired) are listed above with a one-click clean-up.
 */
import { useState } from "react";
import type { TeamEntryView, TeamVaultView } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ACTIONS_COLUMN, DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { countOf } from "../../ui/format";
import { CopyIcon, KeyIcon, PlusIcon } from "../../ui/icons";
import { RelativeTime } from "../../ui/RelativeTime";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { AddEntryDialog } from "./AddEntryDialog";
import { LinkBadge } from "./LinkBadge";
import { useTeamStore } from "./team-store";

const COLUMNS = ["Entry", "Workspace key", "Status", "Last used", { header: "Changed", className: "col-wide-only" }, ACTIONS_COLUMN];

export function EntriesTab({ vault }: { vault: TeamVaultView }) {
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<TeamEntryView | null>(null);
  const removeEntries = useTeamStore((store) => store.removeEntries);
  return (
    <div className="team-panel">
      <div className="panel-heading">
        <p className="muted">
          {vault.workspace.error ? (
            <>Key status unknown: {vault.workspace.error}</>
          ) : (
            <>
              Key status and last use from <strong>{vault.workspace.name ?? "the workspace"}</strong>, now.
            </>
          )}
        </p>
        <Button variant="primary" onClick={() => setAdding(true)}>
          <PlusIcon />
          Add entry
        </Button>
      </div>
      <StaleEntries vault={vault} />
      {vault.entries.length === 0 ? (
        <EmptyState icon={<KeyIcon width={28} height={28} />} title="No shared entries yet">
          <p>Add a key from your vault, type a secret, or import the keys of a .env file (Import and export).</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <DataTable className="simple-table team-table team-entries" caption="Shared entries" columns={COLUMNS}>
            {vault.entries.map((entry) => (
              <EntryRow key={entry.id} entry={entry} onDelete={() => setDeleting(entry)} />
            ))}
          </DataTable>
        </div>
      )}
      <AddEntryDialog open={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        title={`Delete “${deleting?.label ?? "this entry"}” from the team vault?`}
        description="Every member loses it at their next sync. A key stays valid on its workspace: revoke it there if nothing uses it. The history keeps a record of the deletion."
        confirmLabel="Delete entry"
        destructive
        onConfirm={async () => {
          if (deleting) await removeEntries([deleting.id]);
        }}
      />
    </div>
  );
}

function StaleEntries({ vault }: { vault: TeamVaultView }) {
  const removeEntries = useTeamStore((store) => store.removeEntries);
  const cleaning = useAsyncAction();
  if (vault.staleIds.length === 0) return null;
  const stale = vault.entries.filter((entry) => vault.staleIds.includes(entry.id));
  return (
    <Alert
      tone="warning"
      action={
        <Button size="sm" variant="primary" busy={cleaning.busy} onClick={() => void cleaning.run(() => removeEntries(vault.staleIds))}>
          Clean up {countOf(stale.length, "stale entry", "stale entries")}
        </Button>
      }
    >
      <p>
        <strong>{countOf(stale.length, "entry holds a key", "entries hold keys")} that no longer works</strong> (revoked or expired):{" "}
        {stale.map((entry) => `“${entry.label}”`).join(", ")}.
      </p>
      {cleaning.error ? <p role="alert">{cleaning.error.message}</p> : null}
    </Alert>
  );
}

function EntryRow({ entry, onDelete }: { entry: TeamEntryView; onDelete: () => void }) {
  const copySecret = useTeamStore((store) => store.copySecret);
  const copying = useAsyncAction();
  const [copied, setCopied] = useState(false);
  const link = entry.link;
  return (
    <tr data-entry-id={entry.id}>
      <td>
        <div className="cell-stack">
          <span className="entry-label truncate" title={entry.label}>
            {entry.label}
          </span>
          {entry.conflictOf ? <span className="badge badge-conflict">Conflict copy</span> : null}
          {copying.error ? (
            <span className="field-error" role="alert">
              {copying.error.message}
            </span>
          ) : copied ? (
            <span className="muted copy-note" role="status">
              Copied
            </span>
          ) : null}
        </div>
      </td>
      <td>
        {link ? (
          <div className="cell-stack">
            <span className="truncate">{link.keyName ?? "—"}</span>
            {link.display ? <code className="key-display">{link.display}</code> : null}
          </div>
        ) : (
          <span className="muted">Not a workspace key</span>
        )}
      </td>
      <td>{link ? <LinkBadge status={link.status} /> : <span className="muted">—</span>}</td>
      <td>{link?.lastUsedAt ? <RelativeTime iso={link.lastUsedAt} /> : <span className="muted">{link && link.status !== "unknown" && link.status !== "missing" ? "Never" : "—"}</span>}</td>
      <td className="col-wide-only">
        <div className="cell-stack">
          <span>{entry.updatedBy}</span>
          <RelativeTime iso={entry.updatedAt} className="muted" />
        </div>
      </td>
      <td>
        <div className="entry-actions">
          <Button size="sm" busy={copying.busy} aria-label={`Copy ${entry.label}`} onClick={() => void copying.run(() => copySecret(entry.id)).then(setCopied)}>
            {copying.busy ? null : <CopyIcon />}
            Copy
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Delete ${entry.label}`} onClick={onDelete}>
            Delete
          </Button>
        </div>
      </td>
    </tr>
  );
}
