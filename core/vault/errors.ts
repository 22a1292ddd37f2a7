/**
 * The vault's one error shape: a stable code for code to branch on and a message a person can act
 * on. Messages never contain a secret, a passphrase or key material; file paths may appear.
 */
import { CodedError } from "../coded-error";

export type VaultErrorCode =
  /** The passphrase (or the backup passphrase) does not open this vault. */
  | "wrong_passphrase"
  /** The file is damaged or was altered: checksum, structure or authentication failed. */
  | "corrupt"
  /** The file ends too early: an interrupted copy or a full disk while copying. */
  | "truncated"
  /** The file was written by a newer Keyward (or is not a format this version reads). */
  | "unsupported_version"
  /** The operation needs the vault unlocked. */
  | "locked"
  /** The OS keychain is missing, refused, or could not give the key back. */
  | "keychain_unavailable"
  /** Keychain unlock was asked for but was never turned on for this vault. */
  | "keychain_not_enabled"
  /** No vault file at that path, or no entry with that id. */
  | "not_found"
  /** A vault file or an entry with that id already exists. */
  | "already_exists"
  /** The caller passed something the vault refuses (empty passphrase, bad label...). */
  | "invalid_input"
  /** Reading or writing the disk failed (full disk, permissions, read-only disk...). */
  | "io";

export class VaultError extends CodedError<VaultErrorCode> {
  override readonly name = "VaultError";
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}

const IO_REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission was denied",
  EPERM: "the operation was not permitted",
  EROFS: "the disk is read-only",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "the path is a folder",
  EBUSY: "the file is in use by another program",
};

/** A Node file-system error's code and what it means in words ("the disk is full"): for every file Keyward writes. */
export function ioReason(error: unknown): { errno: string; reason: string } {
  const errno = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  return { errno, reason: IO_REASONS[errno] ?? (errno ? `the system reported ${errno}` : "an unexpected error occurred") };
}

/**
 * Turns a Node file-system error into a VaultError a user understands. `action` says what was
 * being done ("save the vault"); `unchanged` adds that the vault file on disk is still the old one,
 * which callers only say when they know it (a failure before the final rename).
 */
export function ioError(error: unknown, action: string, options: { unchanged?: boolean } = {}): VaultError {
  if (error instanceof VaultError) return error;
  const { errno, reason } = ioReason(error);
  let message = `Could not ${action}: ${reason}.`;
  if (options.unchanged) message += " The vault file on disk is unchanged.";
  if (errno === "ENOSPC" || errno === "EDQUOT") message += " Free some disk space and try again.";
  return new VaultError("io", message, { cause: error });
}
