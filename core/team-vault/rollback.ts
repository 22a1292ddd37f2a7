/*
 * Rollback detection: what this device last saw of each team vault (revision and head hash), kept
 * by the app outside the synced folder, and the check that a file still contains it.
 * Protects against: an older genuine copy of the file (restored backup, a sync tool replacing the
 * newer file, a removed member putting back a copy from before their removal) being taken as
 * current. Does not protect against: a device that never opened the vault before, or someone who
 * can also rewrite the app's own stored state.
 */
import { TeamVaultError } from "./errors";
import type { History } from "./history";

/** What the app persists per team vault id (e.g. in its preferences); small and not secret. */
export interface TeamVaultSeen {
  vaultId: string;
  revision: number;
  /** Hash of the newest history event this device opened or saved. */
  head: string;
}

export function seenOf(vaultId: string, history: History): TeamVaultSeen {
  return { vaultId, revision: history.revision, head: history.head };
}

/**
 * Throws `rollback` unless one of `histories` (the file and any conflict copies beside it)
 * contains the head this device saw. Every history descends from what its writer had seen, so a
 * file without that head is older, or lost changes.
 */
export function checkNotRolledBack(seen: TeamVaultSeen | null | undefined, vaultId: string, histories: readonly History[], fileRevision: number): void {
  if (!seen || seen.vaultId !== vaultId) return;
  if (histories.some((history) => history.has(seen.head))) return;
  const nothingChanged = "Nothing was changed. Put the newer file back (your sync tool's version history or a conflict copy beside it), or ask the member who saved last.";
  if (fileRevision < seen.revision) {
    throw new TeamVaultError("rollback", `This team vault file is older than the one this device already opened (revision ${fileRevision}; this device saw revision ${seen.revision}): it was rolled back or replaced by an older copy. ${nothingChanged}`);
  }
  throw new TeamVaultError("rollback", `This team vault file does not contain changes this device already saw (up to revision ${seen.revision}): an older copy was edited and put in its place, or those changes were lost. ${nothingChanged}`);
}

/** The app's store of seen states for all team vaults, serializable to JSON as it is. */
export class SeenStates {
  readonly #byVault = new Map<string, TeamVaultSeen>();

  constructor(saved: readonly TeamVaultSeen[] = []) {
    for (const seen of saved) this.#byVault.set(seen.vaultId, { ...seen });
  }

  get(vaultId: string): TeamVaultSeen | null {
    const seen = this.#byVault.get(vaultId);
    return seen ? { ...seen } : null;
  }

  /** Each new state descends from the previous one (the open checked it), so it replaces it. */
  set(seen: TeamVaultSeen): void {
    this.#byVault.set(seen.vaultId, { ...seen });
  }

  toJSON(): TeamVaultSeen[] {
    return [...this.#byVault.values()].map((seen) => ({ ...seen }));
  }
}
