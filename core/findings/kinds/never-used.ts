/** Never used: an active key with no accepted request, created `neverUsedDays` or more ago. */
import type { ApiKey } from "../../../shared/api/schemas";
import { elapsedDays } from "../../../shared/domain/days";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { day, plural } from "../format";

export function neverUsed(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (key.status !== "active" || key.lastUsedAt !== null) return null;
  const ageDays = elapsedDays(Date.parse(key.createdAt), ctx.nowMs);
  if (ageDays < ctx.settings.neverUsedDays) return null;
  return {
    severity: "low",
    explanation: `Never used since it was created ${plural(ageDays, "day")} ago (${day(key.createdAt)} by ${key.createdBy}).`,
    evidence: { createdAt: key.createdAt, createdBy: key.createdBy, ageDays, thresholdDays: ctx.settings.neverUsedDays },
    actions: ["revoke"],
  };
}
