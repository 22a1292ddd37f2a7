/**
 * Expiring soon: an active key whose expiry is within `expiringDays` (24-hour periods). A key an
 * active successor replaces is left out: its expiry is the end of a rotation's grace period, planned.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { MS_PER_UTC_DAY } from "../../../shared/domain/days";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { minute, plural } from "../format";

export function expiringSoon(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (key.status !== "active" || key.expiresAt === null) return null;
  if (key.replacedById !== null && ctx.activeIds.has(key.replacedById)) return null;
  const leftMs = Date.parse(key.expiresAt) - ctx.nowMs;
  if (leftMs <= 0 || leftMs > ctx.settings.expiringDays * MS_PER_UTC_DAY) return null;
  const leftDays = Math.floor(leftMs / MS_PER_UTC_DAY);
  const when = leftDays === 0 ? "in less than a day" : `in ${plural(leftDays, "day")}`;
  return {
    severity: leftMs <= MS_PER_UTC_DAY ? "medium" : "low",
    explanation: `Expires ${minute(key.expiresAt)} (${when}): rotate it before the integration loses access.`,
    evidence: { expiresAt: key.expiresAt, daysLeft: leftDays, thresholdDays: ctx.settings.expiringDays },
    actions: ["rotate"],
  };
}
