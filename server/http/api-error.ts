/** The one error shape of the API: `{"error": {"code", "message"}}`, with a status per code. */
import type { ErrorCode, Scope } from "../../shared/api/schemas";

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  missing_credential: 401,
  malformed_credential: 401,
  unknown_credential: 401,
  revoked_key: 401,
  expired_key: 401,
  insufficient_scope: 403,
  wrong_credential_kind: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { required?: Scope; retryAfterSeconds?: number; status?: number } = {},
  ) {
    super(message);
    this.status = extra.status ?? STATUS[code];
  }

  body() {
    return { error: { code: this.code, message: this.message, ...(this.extra.required ? { required: this.extra.required } : {}) } };
  }

  isAuthenticationFailure(): boolean {
    return this.status === 401;
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} was not found.`);
