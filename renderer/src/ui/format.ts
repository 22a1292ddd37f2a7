/** Dates and numbers as people read them: "3 minutes ago", "12 days", "1,234". English only for now. */

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const integer = new Intl.NumberFormat("en");

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 key", "1,234 keys". */
export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "just now", "3 minutes ago", "yesterday", "in 5 days". */
export function formatRelative(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return "just now";
  if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return relative.format(Math.round(diff / HOUR), "hour");
  if (abs < 30 * DAY) return relative.format(Math.round(diff / DAY), "day");
  if (abs < 365 * DAY) return relative.format(Math.round(diff / (30 * DAY)), "month");
  return relative.format(Math.round(diff / (365 * DAY)), "year");
}

export function formatAbsolute(iso: string): string {
  return absolute.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

/** Whole days since `iso`, never negative. */
export function daysSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY));
}

/** A key's age in days, as auditors count rotation: "< 1 day", "1 day", "12 days". */
export function formatAge(days: number): string {
  return days < 1 ? "< 1 day" : pluralize(days, "day");
}
