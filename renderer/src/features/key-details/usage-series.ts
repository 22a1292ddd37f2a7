/**
 * A key's daily usage as the chart draws it: one point per UTC day of the window, oldest first,
 * with the days the server has no row for (no request) as zeros, so gaps read as quiet days. The
 * window ends on the server's last day when it sent one (its "today"), else on `now`'s UTC day.
 */
import type { KeyUsage } from "../../../../shared/api/schemas";
import { startOfUtcDay, utcDate } from "../../../../shared/domain/days";

export const USAGE_WINDOWS = [7, 30, 90] as const;
export type UsageWindow = (typeof USAGE_WINDOWS)[number];

export type UsagePoint = { date: string; reads: number; writes: number; denied: number };

export function usageSeries(daily: KeyUsage["daily"], days: number, now: number): UsagePoint[] {
  const byDate = new Map(daily.map((day) => [day.date, day]));
  const lastDate = daily.reduce<string | null>((latest, day) => (latest === null || day.date > latest ? day.date : latest), null);
  const end = lastDate ? Date.parse(`${lastDate}T00:00:00Z`) : now;
  const points: UsagePoint[] = [];
  for (let offset = days - 1; offset >= 0; offset--) {
    const date = utcDate(startOfUtcDay(end, -offset));
    const day = byDate.get(date);
    points.push({ date, reads: day?.reads ?? 0, writes: day?.writes ?? 0, denied: day?.denied ?? 0 });
  }
  return points;
}

export function usageTotals(points: readonly UsagePoint[]): { accepted: number; reads: number; writes: number; denied: number } {
  let reads = 0;
  let writes = 0;
  let denied = 0;
  for (const point of points) {
    reads += point.reads;
    writes += point.writes;
    denied += point.denied;
  }
  return { accepted: reads + writes, reads, writes, denied };
}
