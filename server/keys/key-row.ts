/** Maps a stored key row to the API's `ApiKey`, computing its status at the given time. */
import type { Selectable } from "kysely";
import type { ApiKey, KeyStatus, RevokeReason, Scope } from "../../shared/api/schemas";
import type { ApiKeysTable } from "../db/schema";

export type KeyRow = Selectable<ApiKeysTable>;

export function statusOf(row: Pick<KeyRow, "revoked_at" | "expires_at">, nowIso: string): KeyStatus {
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at !== null && row.expires_at <= nowIso) return "expired";
  return "active";
}

export interface LastUse {
  at: string;
  ip: string;
  userAgent: string;
}

export function toApiKey(row: KeyRow, nowIso: string, pendingUse?: LastUse): ApiKey {
  const stored = row.last_used_at;
  const use = pendingUse && (stored === null || pendingUse.at > stored) ? pendingUse : null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scope: row.scope as Scope,
    environment: row.environment as ApiKey["environment"],
    display: row.display,
    status: statusOf(row, nowIso),
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason as RevokeReason | null,
    lastUsedAt: use ? use.at : row.last_used_at,
    lastUsedIp: use ? use.ip : row.last_used_ip,
    lastUsedUserAgent: use ? use.userAgent : row.last_used_user_agent,
    replacesId: row.replaces_id,
    replacedById: row.replaced_by_id,
    // Extensions not yet tracked by this server version.
    createdByTokenId: null,
    revokedBy: null,
    revokedNote: row.revoke_note,
    lastRefusedAt: null,
    lastRefusedReason: null,
    lastReadAt: null,
    lastWriteAt: null,
    lastSettingsAt: null,
    previousUseAt: null,
  };
}
