/** Why the workspace refused a request with a key, in words (the API's error codes of refused requests). */
const REFUSAL_LABELS: Record<string, string> = {
  revoked_key: "key revoked",
  expired_key: "key expired",
  insufficient_scope: "insufficient scope",
  wrong_credential_kind: "wrong kind of credential",
  unknown_credential: "unknown credential",
  malformed_credential: "malformed credential",
};

export function refusalLabel(reason: string): string {
  return REFUSAL_LABELS[reason] ?? reason.replaceAll("_", " ");
}
