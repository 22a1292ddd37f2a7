/**
 * Dormant key awakened: used today (the UTC day of now) after `dormantDays` or more without use.
 * The idle time runs from the use before today (`previousUseAt`, or the creation when there was
 * none) to the start of today: a lower bound of the real gap, so the finding never overstates it.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { elapsedDays } from "../../../shared/domain/days";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { day, minute, plural } from "../format";
import { hasUseDetail } from "./usage-detail";

export function dormantAwakened(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (key.status !== "active" || key.lastUsedAt === null || !hasUseDetail(key)) return null;
  if (key.lastUsedAt.slice(0, 10) !== ctx.today) return null;
  const before = key.previousUseAt ?? key.createdAt;
  const idleDays = elapsedDays(Date.parse(before), ctx.todayStartMs);
  if (idleDays < ctx.settings.dormantDays) return null;
  const since = key.previousUseAt ? `previous use ${day(key.previousUseAt)}` : `never used before; created ${day(key.createdAt)}`;
  const from = key.lastUsedIp ? ` from ${key.lastUsedIp}` : "";
  return {
    severity: "high",
    explanation: `Used today (${minute(key.lastUsedAt)}${from}) after ${plural(idleDays, "day")} without use (${since}).`,
    evidence: {
      lastUsedAt: key.lastUsedAt,
      lastUsedIp: key.lastUsedIp,
      lastUsedUserAgent: key.lastUsedUserAgent,
      previousUseAt: key.previousUseAt,
      idleDays,
      thresholdDays: ctx.settings.dormantDays,
    },
    actions: ["revoke", "rotate"],
  };
}
