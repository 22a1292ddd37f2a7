/**
 * The rotation policy, computed in the renderer: an active key is due `rotationDays` after it was
 * created. Days are counted in calendar days of the user's time zone, so "due today" means today.
 * The table's sort and filters compare creation times (cached per row by the table), never dates
 * parsed per render: with one policy for every key, "due sooner" is exactly "created earlier".
 */
import { DAY } from "../../ui/format";

/** "Due within 14 days" in the table's filter. */
export const DUE_SOON_DAYS = 14;

export type RotationFilter = "any" | "overdue" | "soon";

/** A day's number in the local calendar (midnight to midnight), for whole-day differences across DST. */
function localDayNumber(ms: number): number {
  const date = new Date(ms);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

/** Local midnight `plusDays` days after the day of `now`. */
export function startOfLocalDay(now: number, plusDays = 0): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + plusDays).getTime();
}

export function dueAt(createdMs: number, rotationDays: number): number {
  return createdMs + rotationDays * DAY;
}

/** Whole calendar days until the due day: negative when overdue, 0 when due today. */
export function daysUntilDue(createdMs: number, rotationDays: number, now: number): number {
  return localDayNumber(dueAt(createdMs, rotationDays)) - localDayNumber(now);
}

export type DueTone = "overdue" | "today" | "soon" | "later";

export function dueTone(daysLeft: number): DueTone {
  return daysLeft < 0 ? "overdue" : daysLeft === 0 ? "today" : daysLeft <= DUE_SOON_DAYS ? "soon" : "later";
}

/** "in 23 days", "in 1 day", "due today", "overdue by 4 days". */
export function formatDue(daysLeft: number): string {
  const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
  if (daysLeft > 0) return `in ${days(daysLeft)}`;
  if (daysLeft === 0) return "due today";
  return `overdue by ${days(-daysLeft)}`;
}

/**
 * The filter as one comparison on the creation time: a key matches when it was created before the
 * returned instant. Overdue: due before today's midnight. Due within 14 days: due before the
 * midnight that ends the 14th day from today (overdue keys included: they are due too).
 */
export function createdBeforeFor(filter: RotationFilter, rotationDays: number, now: number): number | null {
  if (filter === "any") return null;
  const dueBefore = filter === "overdue" ? startOfLocalDay(now) : startOfLocalDay(now, DUE_SOON_DAYS + 1);
  return dueBefore - rotationDays * DAY;
}
