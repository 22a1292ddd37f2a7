/** Dates as people read them, for the renderer. Counts, quantities and relative times come from shared/text, the one helper of the whole app. */
export { countOf, formatBytes, formatCount, nounFor, quantity } from "../../../shared/text/count";
export { formatDaysFromToday, formatRelative } from "../../../shared/text/relative-time";
import { elapsedDays } from "../../../shared/domain/days";
import { countOf, quantity } from "../../../shared/text/count";

const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const clockTime = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const dayAndTime = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

export function formatAbsolute(iso: string): string {
  return absolute.format(new Date(iso));
}

export function formatDate(iso: string | number): string {
  return dateOnly.format(new Date(iso));
}

/** "12:03:41" today, "Mar 3, 12:03:41" another day: when exactly a key was used. */
export function formatUseTime(iso: string, now: number): string {
  const date = new Date(iso);
  return date.toDateString() === new Date(now).toDateString() ? clockTime.format(date) : dayAndTime.format(date);
}

/** A key's age as auditors count rotation: "< 1 day", "1 day", "12 days". */
export function formatAge(createdAt: string, now: number): string {
  const days = elapsedDays(Date.parse(createdAt), now);
  return days < 1 ? "< 1 day" : quantity(days, "day");
}

/** "10.0.0.5 (zapier-client/2.1)". */
export function formatClient(use: { ip: string; userAgent: string }): string {
  return `${use.ip} (${use.userAgent || "no client name"})`;
}

/** "1 key", "3 keys": the most common count in the app. */
export const keyCount = (n: number) => countOf(n, "key");
