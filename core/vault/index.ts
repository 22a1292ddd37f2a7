/**
 * The local encrypted vault: one versioned file, Argon2id + AES-256-GCM, optional OS-keychain
 * unlock, auto-lock, atomic saves with a backup. Electron-free; electron/main supplies the
 * keychain adapter (safeStorage) and calls `lock()` on sleep and screen lock.
 */
export { Vault } from "./vault";
export type { CreateOptions, OpenOptions, UnlockTiming, VaultOptions } from "./options";
export { VaultError, isVaultError, type VaultErrorCode } from "./errors";
export {
  KNOWN_ENTRY_KINDS,
  DEFAULT_HISTORY_LIMIT,
  type EntryInfo,
  type EntryKind,
  type EntryPatch,
  type FullEntry,
  type KnownEntryKind,
  type NewEntry,
  type PreviousSecret,
} from "./entries";
export type { KeychainAdapter, KeychainAvailability } from "./keychain";
export type { LockListener, LockReason, Timers } from "./idle";
export type { ImportReport } from "./merge";
export { calibrateKdf, MIN_MEMORY_KIB, type KdfCost } from "./kdf";
export { FORMAT_VERSION } from "./format";
export { SAVE_STEPS, type FsHooks, type RecoveryNotice, type SaveStep } from "./persist";
