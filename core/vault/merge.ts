/*
 * Merging a backup's entries into a vault on import.
 * Protects against: losing a secret on import. When an entry exists on both sides with different
 * content, the more recently updated side wins, and the other side's secret and history are kept
 * as history of the winner (beyond the history limit, the oldest previous secrets are dropped).
 * Does not protect against: a backup the user should not have imported; it only adds and updates.
 */
import type { FullEntry, PreviousSecret } from "./entries";

export interface ImportReport {
  /** Entries that were only in the backup. */
  added: number;
  /** Entries present on both sides whose content was merged. */
  updated: number;
  /** Entries already identical in the vault. */
  unchanged: number;
}

function sortedMeta(meta: Record<string, string> | undefined): Array<[string, string]> {
  return Object.entries(meta ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sameEntry(a: FullEntry, b: FullEntry): boolean {
  const shape = (e: FullEntry) =>
    JSON.stringify([e.kind, e.label, e.createdAt, e.updatedAt, sortedMeta(e.meta), e.secret, e.history.map((h) => [h.secret, h.replacedAt])]);
  return shape(a) === shape(b);
}

/**
 * The merged entry, or null when `local` needs no change. `now` (ISO) dates the local secret when
 * it becomes history because the backup's side was newer.
 */
export function mergeEntry(local: FullEntry, incoming: FullEntry, now: string, historyLimit: number): FullEntry | null {
  if (sameEntry(local, incoming)) return null;
  const incomingWins = incoming.updatedAt > local.updatedAt;
  const winner = incomingWins ? incoming : local;
  const loser = incomingWins ? local : incoming;
  const known = new Set([winner.secret, ...winner.history.map((h) => h.secret)]);
  const history: PreviousSecret[] = [...winner.history];
  const keep = (item: PreviousSecret) => {
    if (known.has(item.secret)) return;
    known.add(item.secret);
    history.push(item);
  };
  keep({ secret: loser.secret, replacedAt: now });
  loser.history.forEach(keep);
  history.sort((a, b) => (a.replacedAt < b.replacedAt ? 1 : a.replacedAt > b.replacedAt ? -1 : 0));
  const capped = history.slice(0, historyLimit);
  const merged: FullEntry = {
    ...winner,
    createdAt: local.createdAt < incoming.createdAt ? local.createdAt : incoming.createdAt,
    history: capped,
    historyCount: capped.length,
  };
  return sameEntry(merged, local) ? null : merged;
}
