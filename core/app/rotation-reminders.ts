/**
 * Which rotation reminders are due: 14, 7 and 1 days before a key's rotation is due, and when it is
 * overdue, each once. A key first seen late in its life gets only its most urgent reminder (not
 * every one it has passed). Reminders name the key, never its secret.
 */
import type { ApiKey } from "../../shared/api/schemas";

const DAY_MS = 86_400_000;

export const REMINDER_THRESHOLDS = [
  { id: "14d", daysBefore: 14 },
  { id: "7d", daysBefore: 7 },
  { id: "1d", daysBefore: 1 },
  { id: "overdue", daysBefore: 0 },
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

export function rotationDueAt(key: Pick<ApiKey, "createdAt">, rotationDays: number): number {
  return Date.parse(key.createdAt) + rotationDays * DAY_MS;
}

export function dueReminders(
  keys: readonly ApiKey[],
  options: { rotationDays: number; now: Date; alreadyShown: (keyId: string) => readonly string[]; skip: ReadonlySet<string> },
): DueReminder[] {
  const now = options.now.getTime();
  const reminders: DueReminder[] = [];
  for (const key of keys) {
    if (key.status !== "active" || key.replacedById !== null || options.skip.has(key.id)) continue;
    const dueAt = rotationDueAt(key, options.rotationDays);
    const passed = REMINDER_THRESHOLDS.filter((threshold) => now >= dueAt - threshold.daysBefore * DAY_MS).map((threshold) => threshold.id);
    const mostUrgent = passed.at(-1);
    if (!mostUrgent || options.alreadyShown(key.id).includes(mostUrgent)) continue;
    reminders.push({ keyId: key.id, threshold: mostUrgent, passed, ...wording(key, mostUrgent, dueAt, now, options.rotationDays) });
  }
  return reminders;
}

function wording(key: ApiKey, threshold: ReminderThreshold, dueAt: number, now: number, rotationDays: number): { title: string; body: string } {
  const ageDays = Math.floor((now - Date.parse(key.createdAt)) / DAY_MS);
  const body = `${key.display} was created ${ageDays} days ago; keys are rotated every ${rotationDays} days. Click to rotate it.`;
  if (threshold === "overdue") {
    const lateDays = Math.floor((now - dueAt) / DAY_MS);
    return { title: `“${key.name}” is overdue for rotation${lateDays > 0 ? ` by ${lateDays} day${lateDays === 1 ? "" : "s"}` : ""}`, body };
  }
  const days = threshold === "14d" ? 14 : threshold === "7d" ? 7 : 1;
  return { title: `Rotate “${key.name}” within ${days} day${days === 1 ? "" : "s"}`, body };
}
