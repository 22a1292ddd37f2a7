/*
 * The changes one save can carry, as functions on a draft of the vault (see Vault's #mutate):
 * the draft is a copy, so a change that throws leaves the vault as it was.
 * Protects against: losing a previous secret on rotation (it becomes history) or on import (see
 * merge.ts). Does not protect against: a caller removing an entry on purpose; the previous file
 * version stays in `<file>.bak` until the next save only.
 */
import { copyInfo, type CheckedNewEntry, type CheckedPatch, type EntryInfo, type FullEntry } from "./entries";
import { VaultError } from "./errors";
import { entryInfo, readEntry, storeEntry, type ImageParts } from "./image";
import { mergeEntry, type ImportReport } from "./merge";

export function addEntries(draft: ImageParts, dataKey: Buffer, inputs: readonly CheckedNewEntry[], at: string): EntryInfo[] {
  return inputs.map(({ secret, meta, ...fields }) => {
    if (draft.index.has(fields.id)) throw new VaultError("already_exists", `An entry with id ${fields.id} already exists.`);
    const entry: FullEntry = { ...fields, ...(meta ? { meta } : {}), createdAt: at, updatedAt: at, historyCount: 0, secret, history: [] };
    return copyInfo(storeEntry(dataKey, draft, entry));
  });
}

export function patchEntry(draft: ImageParts, id: string, patch: CheckedPatch, at: string): EntryInfo {
  const next: EntryInfo = { ...entryInfo(draft, id), updatedAt: at };
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.label !== undefined) next.label = patch.label;
  if (patch.meta === null) delete next.meta;
  else if (patch.meta !== undefined) next.meta = patch.meta;
  draft.index.set(id, next);
  return copyInfo(next);
}

/** The old secret becomes the newest history item; the oldest beyond `historyLimit` are dropped. */
export function replaceSecret(draft: ImageParts, dataKey: Buffer, id: string, secret: string, at: string, historyLimit: number): EntryInfo {
  const current = readEntry(dataKey, draft, id);
  if (current.secret === secret) return copyInfo(entryInfo(draft, id));
  const history = [{ secret: current.secret, replacedAt: at }, ...current.history].slice(0, historyLimit);
  return copyInfo(storeEntry(dataKey, draft, { ...current, updatedAt: at, secret, history }));
}

/** Drops the previous secrets of an entry (once the key they belong to is revoked, they are of no use). */
export function dropHistory(draft: ImageParts, dataKey: Buffer, id: string, at: string): EntryInfo {
  const current = readEntry(dataKey, draft, id);
  return copyInfo(storeEntry(dataKey, draft, { ...current, updatedAt: at, history: [] }));
}

export function removeEntry(draft: ImageParts, id: string): void {
  entryInfo(draft, id);
  draft.index.delete(id);
  draft.entries.delete(id);
}

export function importEntries(draft: ImageParts, dataKey: Buffer, incoming: readonly FullEntry[], at: string, historyLimit: number): ImportReport {
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0 };
  for (const entry of incoming) {
    const exists = draft.index.has(entry.id);
    const merged = exists ? mergeEntry(readEntry(dataKey, draft, entry.id), entry, at, historyLimit) : entry;
    if (!merged) {
      report.unchanged += 1;
      continue;
    }
    storeEntry(dataKey, draft, merged);
    report[exists ? "updated" : "added"] += 1;
  }
  return report;
}
