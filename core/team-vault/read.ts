/*
 * Reading one entry's secrets out of a team vault state, checked against its signed change.
 * Protects against: a member with the data key swapping an entry's secret without signing the
 * change (the content digest must match the signed event). Does not protect against: the caller
 * keeping or logging the returned secret; strings cannot be wiped.
 */
import type { FullEntry } from "../vault/entries";
import { TeamVaultError, tampered } from "./errors";
import type { EventData } from "./events";
import { entryDigest, openSecrets, type EntryRecord } from "./records";
import type { TeamState } from "./state";

export function liveRecord(state: Pick<TeamState, "records">, id: string): EntryRecord {
  const record = state.records.get(id);
  if (!record || record.deleted) throw new TeamVaultError("not_found", `There is no team vault entry with id ${id}.`);
  return record;
}

/** The entry with its secrets, after checking them against the digest its signed event carries. */
export function readFull(state: TeamState, id: string): FullEntry & { conflictOf?: string } {
  const record = liveRecord(state, id);
  const sealed = state.sealed.get(id);
  if (sealed === undefined) throw tampered(`entry ${id} has no sealed secret`);
  const { secret, history } = openSecrets(state.keys.sealKey, state.vaultId, id, sealed);
  const entry: FullEntry & { conflictOf?: string } = {
    id,
    kind: record.kind,
    label: record.label,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    historyCount: history.length,
    secret,
    history,
  };
  if (record.meta) entry.meta = { ...record.meta };
  const event = state.history.get(record.version);
  const signed = (event?.data as EventData<"entry.add"> | undefined)?.digest;
  if (signed !== entryDigest(entry)) throw tampered(`the content of entry "${record.label}" does not match its signed change`);
  if (record.conflictOf) entry.conflictOf = record.conflictOf;
  return entry;
}
