/**
 * The team vault's one error shape: a stable code for code to branch on and a message a person can
 * act on. Messages never contain a secret, a private key or a data key; paths, member names and
 * fingerprints may appear.
 */
import { CodedError } from "../coded-error";
import { ioReason } from "../vault/errors";

export type TeamVaultErrorCode =
  /** The file is not a Keyward team vault (another file, or a personal vault). */
  | "not_a_team_vault"
  /** The file is damaged: its checksum or structure is wrong (an accident: a bad copy or disk). */
  | "corrupt"
  /** The file ends before its declared length (an interrupted copy or sync). */
  | "truncated"
  /** The file was written by a newer Keyward. */
  | "unsupported_version"
  /** The identity given does not open this team vault: not a member, or removed. */
  | "not_a_member"
  /** The file is intact but was changed without the team's keys or without a signed change. */
  | "tampered"
  /** The file is older than one this device has already seen, or lacks changes it saw. */
  | "rollback"
  /** Another Keyward process on this machine kept the team vault busy for too long. */
  | "busy"
  | "not_found"
  | "already_exists"
  | "invalid_input"
  /** An export file that this identity or passphrase cannot decrypt (or that was changed). */
  | "wrong_key"
  /** A file given as an export that is not an age-encrypted Keyward export. */
  | "not_an_export"
  | "io";

export class TeamVaultError extends CodedError<TeamVaultErrorCode> {
  override readonly name = "TeamVaultError";
}

export function isTeamVaultError(error: unknown, code?: TeamVaultErrorCode): error is TeamVaultError {
  return error instanceof TeamVaultError && (code === undefined || error.code === code);
}

export const invalid = (message: string): TeamVaultError => new TeamVaultError("invalid_input", message);

/** Integrity failures found only with the team's keys: someone who had them, or a bug, wrote this. */
export const tampered = (why: string): TeamVaultError =>
  new TeamVaultError("tampered", `The team vault was altered: ${why}. Nothing was changed on disk; ask a member to check the file's origin.`);

/** A Node file-system error as a TeamVaultError; `action` says what was being done ("save the team vault"). */
export function ioError(error: unknown, action: string): TeamVaultError {
  if (error instanceof TeamVaultError) return error;
  const { reason } = ioReason(error);
  return new TeamVaultError("io", `Could not ${action}: ${reason}.`, { cause: error });
}
