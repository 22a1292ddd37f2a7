/**
 * The rotation policy, written once for the keys table, the reminders and the findings: an active
 * key that no active successor replaces is due for rotation `rotationDays` calendar days after it
 * was created. It is due on that day ("due today"), and overdue from the next day on.
 */
import type { ApiKey } from "../api/schemas";
import { addLocalDays, localDaysBetween } from "./days";

/** "Due within 14 days" in the keys table's filter, and the first reminder. */
export const DUE_SOON_DAYS = 14;

/** The instant the key is due: its creation time, `rotationDays` calendar days later. */
export function rotationDueAt(createdAtMs: number, rotationDays: number): number {
  return addLocalDays(createdAtMs, rotationDays);
}

/** Whole calendar days until the due day: negative when overdue, 0 when due today. */
export function daysUntilRotationDue(createdAtMs: number, rotationDays: number, now: number): number {
  return localDaysBetween(now, rotationDueAt(createdAtMs, rotationDays));
}

export type DueTone = "overdue" | "today" | "soon" | "later";

export function dueTone(daysLeft: number): DueTone {
  return daysLeft < 0 ? "overdue" : daysLeft === 0 ? "today" : daysLeft <= DUE_SOON_DAYS ? "soon" : "later";
}

/**
 * Whether a key is one the policy applies to: active, and not replaced by a successor that is still
 * active. A successor that was revoked (a cancelled rotation) leaves the key as it was.
 */
export function isRotatable(key: Pick<ApiKey, "status" | "replacedById">, isActiveKey: (id: string) => boolean): boolean {
  return key.status === "active" && (key.replacedById === null || !isActiveKey(key.replacedById));
}

/** The keys of a list that the policy applies to, by id. */
export function rotatableKeyIds(keys: readonly Pick<ApiKey, "id" | "status" | "replacedById">[]): Set<string> {
  const active = new Set(keys.filter((key) => key.status === "active").map((key) => key.id));
  return new Set(keys.filter((key) => isRotatable(key, (id) => active.has(id))).map((key) => key.id));
}
