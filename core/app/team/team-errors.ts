/**
 * Team vault errors as IPC errors: the team vault's own message (written for people: "you are not
 * one of its members", "it was altered", "older than the one this device opened") under an IPC
 * code of its own where the renderer may act on it (team_not_member, team_tampered,
 * team_rollback, wrong_file), the closest general one otherwise. No message of the team vault
 * holds a secret (core/team-vault/errors.ts).
 */
import { IpcError, type IpcErrorCode } from "../../../shared/ipc/errors";
import { isTeamVaultError, type TeamVaultErrorCode } from "../../team-vault";

const CODES: Record<TeamVaultErrorCode, IpcErrorCode> = {
  not_a_team_vault: "wrong_file",
  not_an_export: "wrong_file",
  // Another file is not the fix here, a newer Keyward is: the message says so.
  unsupported_version: "invalid_input",
  corrupt: "vault_corrupt",
  truncated: "vault_corrupt",
  tampered: "team_tampered",
  not_a_member: "team_not_member",
  wrong_key: "wrong_passphrase",
  rollback: "team_rollback",
  already_exists: "conflict",
  busy: "io",
  io: "io",
  not_found: "not_found",
  invalid_input: "invalid_input",
};

export function toIpcError(error: unknown): unknown {
  return isTeamVaultError(error) ? new IpcError(CODES[error.code], error.message) : error;
}

/** Runs team vault work, turning its errors into IPC errors with the team vault's own message. */
export async function teamCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toIpcError(error);
  }
}
