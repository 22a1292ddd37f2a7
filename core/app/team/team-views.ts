/**
 * What the renderer sees of an open team vault: members, entries (labels, metadata and the live
 * status of the workspace key each holds, never a secret), stale entries, the merge report in
 * plain counts, the change log and the exposure list with each key's status on the workspace.
 *
 * Links go by key id alone: key ids are the workspace's own (`key_…`), the same on every member's
 * machine, whereas the workspace id recorded in an entry is the app's local name for it.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { IpcError } from "../../../shared/ipc/errors";
import type { EntryLinkView, ExposureRow, MergeReportView, TeamChangeView, TeamEntryView, TeamVaultView } from "../../../shared/ipc/contract";
import type { CoreServices } from "../core-services";
import { linkEntries, staleLinks, type EntryLink, type ExposedKey, type MergeReport, type TeamChange, type TeamVault } from "../../team-vault";

/** The workspace's keys as read for one view: null with the reason when they could not be read. */
export type KeysRead = { keys: ApiKey[]; workspaceName: string | null; error: null } | { keys: null; workspaceName: string | null; error: string };

/** The connected workspace's keys now, or why they cannot be read (the entries are shown all the same). */
export async function readKeys(core: Pick<CoreServices, "workspaces" | "keys">): Promise<KeysRead> {
  const current = core.workspaces.current();
  const workspaceName = current.workspace?.name ?? null;
  if (current.state !== "connected") return { keys: null, workspaceName, error: current.message ?? "The workspace is not connected yet, so the keys' status is unknown." };
  try {
    return { keys: await core.keys.list(), workspaceName, error: null };
  } catch (error) {
    return { keys: null, workspaceName, error: error instanceof IpcError ? error.message : "The workspace's keys could not be read." };
  }
}

function linkView(link: EntryLink | undefined, known: boolean): EntryLinkView | null {
  if (!link) return null;
  return {
    keyId: link.keyId,
    status: known ? link.status : "unknown",
    keyName: link.keyName,
    display: link.display,
    lastUsedAt: link.lastUsedAt,
    replacedById: link.replacedById,
  };
}

export function mergeView(report: MergeReport, at: string): MergeReportView {
  return {
    at,
    added: report.added.length,
    updated: report.updated.length,
    deleted: report.deleted.length,
    conflicts: report.conflicts.map(({ entryId, label, copyId, kind }) => ({ entryId, label, copyId, kind })),
    refused: report.refused.map(({ entryId, label, author }) => ({ entryId, label, author })),
    membersAdded: [...report.membersAdded],
    membersRemoved: [...report.membersRemoved],
    unreadable: report.unreadable.map(({ path, reason }) => ({ path, reason })),
  };
}

export function vaultView(vault: TeamVault, keys: KeysRead, lastMerge: MergeReportView | null): TeamVaultView {
  const list = vault.list();
  const links = new Map(linkEntries(list, keys.keys ?? []).map((link) => [link.entryId, link]));
  const known = keys.keys !== null;
  const entries: TeamEntryView[] = list
    .map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      label: entry.label,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      createdBy: entry.createdBy,
      updatedBy: entry.updatedBy,
      historyCount: entry.historyCount,
      conflictOf: entry.conflictOf ?? null,
      meta: { ...(entry.meta ?? {}) },
      link: linkView(links.get(entry.id), known),
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const members = vault.members();
  return {
    path: vault.path,
    name: vault.name,
    vaultId: vault.vaultId,
    revision: vault.revision,
    youId: vault.you.id,
    members: members.map(({ id, name, fingerprint, isYou, addedAt, addedBy }) => ({ id, name, fingerprint, isYou, addedAt, addedBy })),
    formerMembers: vault.formerMembers().map(({ id, name, fingerprint, addedAt, removedAt, removedBy }) => ({ id, name, fingerprint, addedAt, removedAt, removedBy })),
    entries,
    staleIds: known ? staleLinks([...links.values()]).map((link) => link.entryId) : [],
    workspace: { name: keys.workspaceName, error: keys.error },
    lastMerge,
  };
}

export function exposureRows(exposed: readonly ExposedKey[], keys: KeysRead): ExposureRow[] {
  const byId = new Map((keys.keys ?? []).map((key) => [key.id, key]));
  return exposed.map((row) => {
    const key = row.keyId ? byId.get(row.keyId) : undefined;
    const [link] = row.keyId ? linkEntries([{ id: row.entryId, label: row.label, meta: { keyId: row.keyId } }], keys.keys ?? []) : [];
    return {
      entryId: row.entryId,
      label: row.label,
      kind: row.kind,
      keyId: row.keyId,
      display: row.display ?? key?.display ?? null,
      entry: row.entry,
      firstReadableAt: row.firstReadableAt,
      status: link ? (keys.keys ? link.status : "unknown") : null,
      keyName: key?.name ?? null,
      lastUsedAt: key?.lastUsedAt ?? null,
    };
  });
}

export function changeView(change: TeamChange): TeamChangeView {
  return {
    revision: change.revision,
    at: change.at,
    author: change.author,
    type: change.type,
    entryId: change.entryId ?? null,
    label: change.label ?? null,
    member: change.member ?? null,
    conflicts: change.conflicts ?? null,
    refused: change.refused ?? null,
    keyChange: change.keyChange ?? null,
  };
}
