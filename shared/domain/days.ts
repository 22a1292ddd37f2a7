/**
 * Day arithmetic, written once. People count days on the calendar: a key due "in 3 days" is due on
 * the third calendar day from today, whatever daylight-saving change lies between. So local days
 * are counted by calendar date (never as 24-hour spans), and UTC days (the server's usage days) by
 * UTC date. Pure: runs in the main process, the renderer and the server alike.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
/** A UTC day's length. Only for UTC arithmetic: a local day may be 23 or 25 hours long. */
export const MS_PER_UTC_DAY = 24 * MS_PER_HOUR;

/** The local calendar date of an instant, as a day count (days since 1970-01-01 on the calendar). */
export function localDayNumber(ms: number): number {
  const date = new Date(ms);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_UTC_DAY);
}

/** Local midnight of the day of `ms`, moved `plusDays` calendar days. */
export function startOfLocalDay(ms: number, plusDays = 0): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + plusDays).getTime();
}

/** The same local wall-clock time `days` calendar days later (or earlier, when negative). */
export function addLocalDays(ms: number, days: number): number {
  const date = new Date(ms);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/** Whole calendar days from the local day of `from` to the local day of `to` (negative when `to` is earlier). */
export function localDaysBetween(from: number, to: number): number {
  return localDayNumber(to) - localDayNumber(from);
}

/** The UTC date of an instant, "YYYY-MM-DD" (the server's usage days). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC midnight of the UTC day of `ms`, moved `plusDays` days. */
export function startOfUtcDay(ms: number, plusDays = 0): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + plusDays);
}

/** Whole UTC days from the UTC day of `from` to the UTC day of `to`. */
export function utcDaysBetween(from: number, to: number): number {
  return Math.round((startOfUtcDay(to) - startOfUtcDay(from)) / MS_PER_UTC_DAY);
}

/** Whole 24-hour periods elapsed from `from` to `to` (ages: "not used for 90 days"), never negative. */
export function elapsedDays(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / MS_PER_UTC_DAY));
}
