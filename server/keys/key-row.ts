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

/** Uses counted in memory and not yet written: answers are fresher than the last flush. */
export interface PendingUse {
  lastUse: LastUse | null;
  /** The last accepted use on a UTC day before the day of `lastUse`, within the same batch. */
  previousDayUse: string | null;
  lastReadAt: string | null;
  lastWriteAt: string | null;
  lastSettingsAt: string | null;
  lastRefused: { at: string; reason: string } | null;
}

export const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);
const day = (iso: string) => iso.slice(0, 10);

/**
 * The last use on a day before the final last use, from what is stored (last L, previous P) and a
 * batch (last Ln, previous-day Pb). The SQL of the usage flush computes the same (usage-columns.ts).
 */
export function combinePreviousUse(stored: { last: string | null; previous: string | null }, batch: { last: string; previousDay: string | null }): string | null {
  const { last: L, previous: P } = stored;
  const { last: Ln, previousDay: Pb } = batch;
  if (L === null || L < Ln) return L !== null && day(L) < day(Ln) ? later(L, Pb) : later(P, Pb);
  return day(Ln) < day(L) ? later(P, Ln) : later(P, Pb);
}

export function toApiKey(row: KeyRow, nowIso: string, pending?: PendingUse): ApiKey {
  const newer = pending?.lastUse && (row.last_used_at === null || pending.lastUse.at > row.last_used_at) ? pending.lastUse : null;
  const refusedNewer = pending?.lastRefused && (row.last_refused_at === null || pending.lastRefused.at > row.last_refused_at) ? pending.lastRefused : null;
  const previousUseAt = pending?.lastUse
    ? combinePreviousUse({ last: row.last_used_at, previous: row.previous_use_at }, { last: pending.lastUse.at, previousDay: pending.previousDayUse })
    : row.previous_use_at;
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
    lastUsedAt: newer ? newer.at : row.last_used_at,
    lastUsedIp: newer ? newer.ip : row.last_used_ip,
    lastUsedUserAgent: newer ? newer.userAgent : row.last_used_user_agent,
    replacesId: row.replaces_id,
    replacedById: row.replaced_by_id,
    createdByTokenId: row.created_by_token_id,
    revokedBy: row.revoked_by,
    revokedNote: row.revoke_note,
    lastRefusedAt: refusedNewer ? refusedNewer.at : row.last_refused_at,
    lastRefusedReason: refusedNewer ? refusedNewer.reason : row.last_refused_reason,
    lastReadAt: later(row.last_read_at, pending?.lastReadAt ?? null),
    lastWriteAt: later(row.last_write_at, pending?.lastWriteAt ?? null),
    lastSettingsAt: later(row.last_settings_at, pending?.lastSettingsAt ?? null),
    previousUseAt,
  };
}
