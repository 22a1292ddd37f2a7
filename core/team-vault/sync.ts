/*
 * Bringing in what other machines saved: the vault file as it is on disk now and any conflict
 * copies beside it, each decoded with this member's identity and merged into this device's state.
 * Protects against: losing a save that a sync tool set aside as a conflict copy, or that landed
 * while this device had the vault open. Does not protect against: a copy this member cannot open
 * (written before they joined): it is reported, left in place, and merged by a member who can.
 */
import { readFile } from "node:fs/promises";
import { ioError, isTeamVaultError, TeamVaultError } from "./errors";
import type { MemberIdentity } from "./identity";
import { wipeKeys } from "./keys";
import { mergeStates, type MergeDecisions } from "./merge";
import type { EntryRecord } from "./records";
import { findConflictCopies } from "./siblings";
import { decodeState, type TeamState } from "./state";

export interface MergeReport extends MergeDecisions {
  /** Entry ids that the merge added, changed or deleted here. */
  added: string[];
  updated: string[];
  deleted: string[];
  /** Names of members added or removed on the other side. */
  membersAdded: string[];
  membersRemoved: string[];
  /** The copies whose changes were brought in. */
  sources: Array<{ path: string; kind: "file" | "conflict_copy"; revision: number }>;
  /** Conflict copies that could not be merged here, and why (left in place). */
  unreadable: Array<{ path: string; reason: string }>;
}

export function emptyReport(unreadable: MergeReport["unreadable"] = []): MergeReport {
  return { added: [], updated: [], deleted: [], conflicts: [], refused: [], membersAdded: [], membersRemoved: [], sources: [], unreadable };
}

export interface Incoming {
  path: string;
  kind: "file" | "conflict_copy";
  state: TeamState;
}

export async function readFileIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw ioError(error, `read the team vault ${path}`);
  }
}

/** Decodes the conflict copies beside `path`; the ones this identity cannot read are listed, not thrown. */
export async function readConflictCopies(path: string, vaultId: string, identity: MemberIdentity, verifiedHead: string | null): Promise<{ copies: Incoming[]; unreadable: MergeReport["unreadable"] }> {
  const copies: Incoming[] = [];
  const unreadable: MergeReport["unreadable"] = [];
  for (const copy of await findConflictCopies(path, vaultId)) {
    try {
      copies.push({ path: copy.path, kind: "conflict_copy", state: await decodeState(copy.bytes, identity, { verifiedHead }) });
    } catch (error) {
      if (!isTeamVaultError(error)) throw error;
      unreadable.push({ path: copy.path, reason: error.message });
    }
  }
  return { copies, unreadable };
}

/** The other side of a save: our identity was removed there. */
export function removedError(name: string): TeamVaultError {
  return new TeamVaultError("not_a_member", `You are no longer a member of the team vault "${name}": another member removed you. Your change was not saved.`);
}

/**
 * Merges each incoming copy into `base`, in order. Returns the merged state (new events signed by
 * `identity`) and a report, or the base itself when every copy was already included.
 */
export function absorb(base: TeamState, incoming: readonly Incoming[], identity: MemberIdentity, at: string): { state: TeamState; report: MergeReport | null } {
  let state = base;
  const report = emptyReport();
  for (const other of incoming) {
    const result = mergeStates(state, other.state, identity, at);
    if (result.kind === "included") continue;
    const merged = result.kind === "fast_forward" ? result.state : result.draft.state;
    if (result.kind === "merged") {
      report.conflicts.push(...result.decisions.conflicts);
      report.refused.push(...result.decisions.refused);
    }
    report.sources.push({ path: other.path, kind: other.kind, revision: other.state.history.revision });
    state = merged;
  }
  for (const other of incoming) if (other.state.keys !== state.keys) wipeKeys(other.state.keys);
  if (state === base) return { state, report: null };
  Object.assign(report, diffLive(base, state));
  return { state, report };
}

function diffLive(before: TeamState, after: TeamState): Pick<MergeReport, "added" | "updated" | "deleted" | "membersAdded" | "membersRemoved"> {
  const live = (record: EntryRecord | undefined) => record !== undefined && !record.deleted;
  const out = { added: [] as string[], updated: [] as string[], deleted: [] as string[] };
  for (const [id, next] of after.records) {
    const prev = before.records.get(id);
    if (!live(next)) {
      if (live(prev)) out.deleted.push(id);
    } else if (!live(prev)) out.added.push(id);
    else if (prev!.version !== next.version) out.updated.push(id);
  }
  const was = before.history.members();
  const is = after.history.members();
  return {
    ...out,
    membersAdded: [...is.values()].filter((m) => !was.has(m.member.id)).map((m) => m.member.name),
    membersRemoved: [...was.values()].filter((m) => !is.has(m.member.id)).map((m) => m.member.name),
  };
}
