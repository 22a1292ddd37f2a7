/**
 * The options of a vault handle and their checks.
 */
import { DEFAULT_HISTORY_LIMIT } from "./entries";
import { VaultError } from "./errors";
import { checkIdleMs, type Timers } from "./idle";
import type { KdfCost } from "./kdf";
import type { FsHooks } from "./persist";

export interface VaultOptions {
  /** Auto-lock after this long without activity (ms); null never. Default 5 minutes. */
  idleLockMs?: number | null;
  /** Previous secrets kept per entry. Default 20. */
  historyLimit?: number;
  /** Clock for entry timestamps. */
  now?: () => Date;
  /** Timers for auto-lock (default: the global ones, so fake timers work). */
  timers?: Timers;
  /** Test seam: runs before each step of every save. */
  fsHooks?: FsHooks;
}

export interface CreateOptions extends VaultOptions {
  /** A fixed KDF cost, skipping calibration (tests use small ones). Default: calibrated, >= 64 MiB. */
  kdf?: KdfCost;
  calibration?: { targetMs?: number; memoryKiB?: number };
}

export interface OpenOptions extends VaultOptions {
  /** When the vault file is missing, damaged or cut short, open `<file>.bak` instead (see `recovery`). */
  fallbackToBackup?: boolean;
}

export interface UnlockTiming {
  /** Time spent in Argon2id. */
  kdfMs: number;
  /** Whole unlock, KDF included. */
  totalMs: number;
}

export const DEFAULT_IDLE_LOCK_MS = 5 * 60_000;

export function checkOptions(options: VaultOptions): void {
  const limit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) throw new VaultError("invalid_input", "The history limit is an integer from 0 to 1000.");
  checkIdleMs(options.idleLockMs ?? null);
}
