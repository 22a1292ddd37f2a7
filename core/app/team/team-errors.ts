/**
 * Team vault errors as IPC errors: the team vault's own message (written for people: "you are not
 * one of its members", "it was altered", "older than the one this device opened") under the
 * closest IPC code. No message of the team vault holds a secret (core/team-vault/errors.ts).
 */
import { IpcError, type IpcErrorCode } from "../../../shared/ipc/errors";
import { isTeamVaultError, type TeamVaultErrorCode } from "../../team-vault";

const CODES: Record<TeamVaultErrorCode, IpcErrorCode> = {
  not_a_team_vault: "invalid_input",
  not_an_export: "invalid_input",
  unsupported_version: "invalid_input",
  corrupt: "vault_corrupt",
  truncated: "vault_corrupt",
  tampered: "vault_corrupt",
  not_a_member: "invalid_input",
  wrong_key: "wrong_passphrase",
  rollback: "conflict",
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
