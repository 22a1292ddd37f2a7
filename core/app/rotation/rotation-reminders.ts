/**
 * Which rotation reminders are due: 14, 7 and 1 days before a key's rotation is due (the policy of
 * shared/domain/rotation-policy, counted in calendar days), and when it is overdue, each once. A
 * key first seen late in its life gets only its most urgent reminder (not every one it has
 * passed). Reminders name the key, never its secret.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { elapsedDays } from "../../../shared/domain/days";
import { daysUntilRotationDue, rotatableKeyIds } from "../../../shared/domain/rotation-policy";
import { quantity } from "../../../shared/text/count";

export const REMINDER_THRESHOLDS = [
  { id: "14d", daysLeft: 14 },
  { id: "7d", daysLeft: 7 },
  { id: "1d", daysLeft: 1 },
  { id: "overdue", daysLeft: -1 },
] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number]["id"];

export interface DueReminder {
  keyId: string;
  threshold: ReminderThreshold;
  /** Every threshold this key has now passed: all are marked as shown. */
  passed: ReminderThreshold[];
  title: string;
  body: string;
}

export function dueReminders(
  keys: readonly ApiKey[],
  options: { rotationDays: number; now: Date; alreadyShown: (keyId: string) => readonly string[]; skip: ReadonlySet<string> },
): DueReminder[] {
  const now = options.now.getTime();
  const rotatable = rotatableKeyIds(keys);
  const reminders: DueReminder[] = [];
  for (const key of keys) {
    if (!rotatable.has(key.id) || options.skip.has(key.id)) continue;
    const daysLeft = daysUntilRotationDue(Date.parse(key.createdAt), options.rotationDays, now);
    const passed = REMINDER_THRESHOLDS.filter((threshold) => daysLeft <= threshold.daysLeft).map((threshold) => threshold.id);
    const mostUrgent = passed.at(-1);
    if (!mostUrgent || options.alreadyShown(key.id).includes(mostUrgent)) continue;
    reminders.push({ keyId: key.id, threshold: mostUrgent, passed, ...wording(key, daysLeft, now, options.rotationDays) });
  }
  return reminders;
}

function wording(key: ApiKey, daysLeft: number, now: number, rotationDays: number): { title: string; body: string } {
  const age = elapsedDays(Date.parse(key.createdAt), now);
  const body = `${key.display} was created ${quantity(age, "day")} ago; keys are rotated every ${quantity(rotationDays, "day")}. Click to rotate it.`;
  if (daysLeft < 0) return { title: `“${key.name}” is overdue for rotation by ${quantity(-daysLeft, "day")}`, body };
  if (daysLeft === 0) return { title: `Rotate “${key.name}” today`, body };
  return { title: `Rotate “${key.name}” within ${quantity(daysLeft, "day")}`, body };
}
