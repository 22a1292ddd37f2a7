/**
 * Times relative to now, in words, through Intl.RelativeTimeFormat: "just now", "12 seconds ago",
 * "3 minutes ago", "yesterday", "in 5 days". The one helper for every "N ago" in Keyward.
 */
import { MS_PER_HOUR, MS_PER_MINUTE, MS_PER_UTC_DAY, localDaysBetween } from "../domain/days";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * `iso` relative to `now`. Under a minute reads "just now" unless `seconds` asks for "12 seconds
 * ago" (the rotation steps, where a use seconds ago matters). Days count calendar days, so
 * "yesterday" means yesterday's date.
 */
export function formatRelative(iso: string | number, now: number, options: { seconds?: boolean } = {}): string {
  const at = typeof iso === "number" ? iso : Date.parse(iso);
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < MS_PER_MINUTE) {
    const seconds = Math.round(diff / 1000);
    return options.seconds && seconds !== 0 ? relative.format(seconds, "second") : "just now";
  }
  if (abs < MS_PER_HOUR) return relative.format(Math.trunc(diff / MS_PER_MINUTE), "minute");
  if (abs < MS_PER_UTC_DAY) return relative.format(Math.trunc(diff / MS_PER_HOUR), "hour");
  const days = localDaysBetween(now, at);
  if (Math.abs(days) < 30) return relative.format(days, "day");
  if (Math.abs(days) < 365) return relative.format(Math.trunc(days / 30), "month");
  return relative.format(Math.trunc(days / 365), "year");
}

/** A number of calendar days from today, in words: "today", "tomorrow", "in 3 days", "4 days ago". */
export function formatDaysFromToday(days: number): string {
  return relative.format(days, "day");
}
