/**
 * The create form's expiry choices: none, 7, 30, 60 or 90 days, or a date (today allowed). A key
 * stops working at the end of its last day, in the user's time zone.
 */
import { addLocalDays, startOfLocalDay } from "../../../../shared/domain/days";

export const EXPIRY_PRESETS = ["none", "7", "30", "60", "90", "custom"] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

export const EXPIRY_LABELS: Record<ExpiryPreset, string> = { none: "No expiry", "7": "7 days", "30": "30 days", "60": "60 days", "90": "90 days", custom: "Custom date" };

/** The last moment of the local day of `ms`. */
function endOfLocalDay(ms: number): number {
  return startOfLocalDay(ms, 1) - 1;
}

/** "2026-03-17" of the local calendar. */
export function localDateInput(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** The expiry as an ISO time, or null for none; undefined when a custom date is missing or past. */
export function expiryFor(preset: ExpiryPreset, customDate: string, now: number): string | null | undefined {
  if (preset === "none") return null;
  if (preset === "custom") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(customDate)) return undefined;
    const end = endOfLocalDay(new Date(`${customDate}T12:00:00`).getTime());
    return end > now ? new Date(end).toISOString() : undefined;
  }
  return new Date(endOfLocalDay(addLocalDays(now, Number(preset)))).toISOString();
}
