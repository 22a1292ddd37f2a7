/**
 * Refused requests: requests made with a revoked or expired key in the last `refusedWindowDays`
 * UTC days. Either an integration was not updated after a rotation or revocation, or someone is
 * trying a leaked key; a key revoked as compromised makes the second likely. Counts are those of
 * the usage window the caller fetched (`since` in the evidence).
 */
import type { ApiKey } from "../../../shared/api/schemas";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { minute, plural, day } from "../format";

const REASONS = { revoked_key: "revoked", expired_key: "expired" } as const;

export function refusedRequests(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (!ctx.usage) return null;
  const start = ctx.windowStart(ctx.settings.refusedWindowDays);
  let revoked = 0;
  let expired = 0;
  let lastAt: string | null = null;
  for (const refusal of ctx.refusalsOf(key.id)) {
    if (!(refusal.reason in REASONS) || Date.parse(refusal.lastAt) < start) continue;
    if (refusal.reason === "revoked_key") revoked += refusal.count;
    else expired += refusal.count;
    if (lastAt === null || refusal.lastAt > lastAt) lastAt = refusal.lastAt;
  }
  if (lastAt === null) return null;
  const parts = [revoked > 0 ? `${plural(revoked, "request")} refused as revoked` : null, expired > 0 ? `${plural(expired, "request")} refused as expired` : null];
  const compromised = key.revokedReason === "compromised";
  const likely = compromised ? "the key was revoked as compromised: someone may be trying it" : "an integration still uses it, or someone is trying it";
  return {
    severity: compromised ? "high" : "medium",
    explanation: `${parts.filter(Boolean).join(" and ")} since ${day(ctx.usage.since)} (last ${minute(lastAt)}): ${likely}.`,
    evidence: { revokedKeyRequests: revoked, expiredKeyRequests: expired, lastRefusedAt: lastAt, since: ctx.usage.since, windowDays: ctx.settings.refusedWindowDays, revokedReason: key.revokedReason },
    // The key is already refused: nothing to revoke; what remains is to find the caller.
    actions: [],
  };
}
