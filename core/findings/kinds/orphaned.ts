/**
 * Orphaned: an active key that was used, but not for `orphanedDays` (24-hour periods since its last
 * use). A key never used at all is never orphaned: it is "never used" instead, so one key gets one
 * of the two, not both.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { elapsedDays } from "../../../shared/domain/days";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { day, plural } from "../format";

export function orphaned(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (key.status !== "active" || key.lastUsedAt === null) return null;
  const idleDays = elapsedDays(Date.parse(key.lastUsedAt), ctx.nowMs);
  if (idleDays < ctx.settings.orphanedDays) return null;
  const from = key.lastUsedIp ? ` from ${key.lastUsedIp}` : "";
  return {
    severity: "medium",
    explanation: `Not used for ${plural(idleDays, "day")} (last used ${day(key.lastUsedAt)}${from}); the threshold is ${plural(ctx.settings.orphanedDays, "day")}.`,
    evidence: { lastUsedAt: key.lastUsedAt, lastUsedIp: key.lastUsedIp, idleDays, thresholdDays: ctx.settings.orphanedDays },
    actions: ["revoke"],
  };
}
