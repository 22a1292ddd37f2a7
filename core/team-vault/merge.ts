/*
 * Joining two copies of one team vault (two machines saved at once), entry by entry, with the
 * history graph as the judge of which change came after which.
 * Protects against: losing a change (an entry changed on both sides keeps both versions, the
 * second as a flagged conflict copy; deleted-on-one-side, changed-on-the-other keeps the change),
 * and a removed member's late changes slipping in (a change signed by someone removed, that the
 * removal had not seen, is refused and reported). Does not protect against: two members who both
 * meant their version; the conflict copy is for a person to resolve.
 */
import { Draft } from "./changes";
import type { EventData } from "./events";
import { History, type MemberAdd } from "./history";
import type { MemberIdentity } from "./identity";
import { newKeys, sameKeys, type TeamKeys } from "./keys";
import { mergeLedgers } from "./ledger";
import { openSecrets, sealSecrets, type EntryRecord } from "./records";
import { memberNames } from "./views";
import type { TeamState } from "./state";

export interface MergeConflict {
  entryId: string;
  label: string;
  /** The id of the copy that keeps the other version; null when one side had deleted the entry (the changed one is kept). */
  copyId: string | null;
  kind: "both_changed" | "deleted_and_changed";
}

/** What a merge decided beyond taking the newer side: conflicts kept, changes refused. */
export interface MergeDecisions {
  conflicts: MergeConflict[];
  /** Changes by someone removed from the vault that their removal had not seen: not applied. */
  refused: Array<{ entryId: string; label: string; authorId: string; author: string }>;
}

export type MergeResult =
  | { kind: "included"; state: TeamState }
  | { kind: "fast_forward"; state: TeamState }
  /** `draft` holds the merged state and its signed merge event; the caller adds its change and finishes it. */
  | { kind: "merged"; draft: Draft; decisions: MergeDecisions };

export function copyIdFor(id: string, version: string): string {
  return `${id.slice(0, 110)}.conflict-${version.slice(0, 8)}`;
}

export function mergeStates(local: TeamState, remote: TeamState, identity: MemberIdentity, at: string): MergeResult {
  if (local.history.has(remote.history.head)) return { kind: "included", state: local };
  if (remote.history.has(local.history.head)) return { kind: "fast_forward", state: remote };

  const history = local.history.clone();
  const skip: { hash: string; sig: string; signer: MemberAdd["member"] }[] = []; // both sides' signatures were checked when they were read
  remote.history.events.forEach((event, i) => {
    if (!history.has(remote.history.hashes[i]!)) history.append(event, local.vaultId, skip);
  });
  const heads = [local.history.head, remote.history.head].sort();
  const members = history.membersAtHeads(heads);
  const names = memberNames(history);
  const removals = history.hashes.filter((_, i) => history.events[i]!.type === "member.remove");
  const refusedVersion = (record: EntryRecord): boolean => isRefused(history, members, removals, record.version);

  const keys: TeamKeys = sameKeys(local.keys, remote.keys) ? local.keys : newKeys();
  const records = new Map<string, EntryRecord>();
  /** Where each live entry's sealed secrets come from (a conflict copy: the original id on the losing side). */
  const sources = new Map<string, { from: TeamState; sourceId: string }>();
  const summary: MergeDecisions = { conflicts: [], refused: [] };
  const take = (record: EntryRecord, from: TeamState) => {
    records.set(record.id, record);
    if (!record.deleted) sources.set(record.id, { from, sourceId: record.id });
  };

  const ids = new Set([...local.records.keys(), ...remote.records.keys()]);
  for (const id of [...ids].sort()) {
    const a = local.records.get(id);
    const b = remote.records.get(id);
    const refuse = (x: EntryRecord) => {
      const authorId = history.get(x.version)!.author;
      summary.refused.push({ entryId: id, label: x.label, authorId, author: names.get(authorId) ?? authorId });
    };
    if (!b || (a && a.version === b.version)) {
      if (a && refusedVersion(a)) refuse(a);
      else take(a!, local);
      continue;
    }
    if (!a) {
      if (refusedVersion(b)) refuse(b);
      else take(b, remote);
      continue;
    }
    if (history.isAncestor(a.version, b.version) || history.isAncestor(b.version, a.version)) {
      const [older, newer, newerFrom, olderFrom] = history.isAncestor(a.version, b.version) ? [a, b, remote, local] : [b, a, local, remote];
      if (refusedVersion(newer)) {
        refuse(newer);
        take(older, olderFrom);
      } else take(newer, newerFrom);
      continue;
    }
    // Both sides changed it since their common version.
    const refusedA = refusedVersion(a);
    const refusedB = refusedVersion(b);
    if (refusedA || refusedB) {
      if (refusedA) refuse(a);
      if (refusedB) refuse(b);
      if (!refusedA) take(a, local);
      else if (!refusedB) take(b, remote);
      continue;
    }
    if (a.deleted && b.deleted) {
      take(a.version < b.version ? a : b, a.version < b.version ? local : remote);
      continue;
    }
    if (a.deleted || b.deleted) {
      const [live, from] = a.deleted ? [b, remote] : [a, local];
      take(live, from);
      summary.conflicts.push({ entryId: id, label: live.label, copyId: null, kind: "deleted_and_changed" });
      continue;
    }
    const aWins = a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.version < b.version);
    const [winner, winnerFrom, loser, loserFrom] = aWins ? [a, local, b, remote] : [b, remote, a, local];
    take(winner, winnerFrom);
    const copy: EntryRecord = { ...loser, id: copyIdFor(id, loser.version), conflictOf: loser.conflictOf ?? id };
    records.set(copy.id, copy);
    sources.set(copy.id, { from: loserFrom, sourceId: id });
    summary.conflicts.push({ entryId: id, label: winner.label, copyId: copy.id, kind: "both_changed" });
  }

  const sealed = new Map<string, string>();
  for (const [id, { from, sourceId }] of sources) {
    const sealedText = from.sealed.get(sourceId)!;
    // The entry id is the associated data: a copy under a new id, or a new key, needs a fresh seal.
    if (sourceId === id && sameKeys(from.keys, keys)) sealed.set(id, sealedText);
    else sealed.set(id, sealSecrets(keys.sealKey, local.vaultId, id, openSecrets(from.keys.sealKey, local.vaultId, sourceId, sealedText)));
  }

  const merged: TeamState = { ...local, history, keys, wrappedFor: keys === local.keys ? local.wrappedFor : "", records, sealed, ledger: mergeLedgers(local.ledger, remote.ledger) };
  const draft = new Draft(merged, identity, at, { parents: heads, rev: Math.max(local.history.revision, remote.history.revision) + 1 });
  const conflicts: EventData<"merge">["conflicts"] = summary.conflicts.map(({ entryId, copyId, kind }) => ({ entryId, copyId, kind }));
  draft.emit("merge", { conflicts, refused: summary.refused.map((r) => r.entryId) });
  if (keys !== local.keys) draft.emit("rekey", { reason: "merge" });
  return { kind: "merged", draft, decisions: summary };
}

/** A version signed by someone no longer a member, made where their removal could not see it. */
function isRefused(history: History, members: ReadonlyMap<string, MemberAdd>, removals: readonly string[], version: string): boolean {
  const author = history.get(version)?.author;
  if (!author || members.has(author)) return false;
  for (const removal of removals) {
    const { memberId } = history.get(removal)!.data as EventData<"member.remove">;
    if (memberId === author && history.isAncestor(version, removal)) return false;
  }
  return true;
}
