/**
 * Rotation overdue: by the shared rotation policy (shared/domain/rotation-policy.ts), the same rule
 * as the keys table's due column and the reminders: due `rotationDays` calendar days after creation,
 * overdue from the next calendar day on; a key an active successor replaces is exempt.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { MS_PER_UTC_DAY } from "../../../shared/domain/days";
import { daysUntilRotationDue, isRotatable, rotationDueAt } from "../../../shared/domain/rotation-policy";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { day, plural } from "../format";

export function rotationOverdue(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (!isRotatable(key, (id) => ctx.activeIds.has(id))) return null;
  const createdMs = Date.parse(key.createdAt);
  // Calendar days differ from 24-hour periods by at most a day (time zones, daylight saving): a key
  // younger than the policy less two days cannot be overdue, and needs no calendar arithmetic.
  if (ctx.nowMs < createdMs + (ctx.rotationDays - 2) * MS_PER_UTC_DAY) return null;
  const daysLeft = daysUntilRotationDue(createdMs, ctx.rotationDays, ctx.nowMs);
  if (daysLeft >= 0) return null;
  const overdueDays = -daysLeft;
  const dueAt = new Date(rotationDueAt(createdMs, ctx.rotationDays)).toISOString();
  return {
    // Twice the policy or more: the key has lived two rotation periods unrotated.
    severity: overdueDays >= ctx.rotationDays ? "high" : "medium",
    explanation: `Created ${day(key.createdAt)}; the rotation policy is ${plural(ctx.rotationDays, "day")}, so it was due ${day(dueAt)} and is ${plural(overdueDays, "day")} overdue.`,
    evidence: { createdAt: key.createdAt, dueAt, overdueDays, rotationDays: ctx.rotationDays },
    actions: ["rotate"],
  };
}
