/** The errors every IPC channel may answer with: a stable code the renderer can act on, and words a user understands. */
import { z } from "zod";

export const IPC_ERROR_CODES = [
  "invalid_input",
  "unknown_channel",
  "forbidden_sender",
  "vault_missing",
  "vault_exists",
  "vault_locked",
  "wrong_passphrase",
  "vault_corrupt",
  "keychain_unavailable",
  "workspace_unreachable",
  "workspace_refused",
  "not_a_workspace",
  "workspace_error",
  "not_found",
  "secret_gone",
  "needs_confirmation",
  "illegal_transition",
  "conflict",
  "io",
  "internal",
  /** The team vault does not open with this identity: not a member, or removed. */
  "team_not_member",
  /** The team vault file is intact but was changed without the team's keys or a signed change. */
  "team_tampered",
  /** The team vault file is older than one this device already opened, or lacks changes it saw. */
  "team_rollback",
  /** The chosen file is not what was asked for (not a team vault, not an export). */
  "wrong_file",
] as const;
export const IpcErrorCode = z.enum(IPC_ERROR_CODES);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

export const IpcErrorShape = z.object({
  code: IpcErrorCode,
  message: z.string(),
  /** For workspace errors: the API's own error code, when it answered one. */
  apiCode: z.string().optional(),
});
export type IpcErrorShape = z.infer<typeof IpcErrorShape>;

/** Thrown by core services and handlers; carried to the renderer as its shape. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly apiCode?: string,
  ) {
    super(message);
    this.name = "IpcError";
  }

  toShape(): IpcErrorShape {
    return { code: this.code, message: this.message, ...(this.apiCode ? { apiCode: this.apiCode } : {}) };
  }
}

/** What crosses the process boundary: never a thrown exception, always one of these. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };
