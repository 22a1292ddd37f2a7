/**
 * What the findings engine reads, indexed once per run: keys by id, each key's refusals and recent
 * clients, leak records and dismissals. Usage windows are counted in UTC days, as the server's
 * rollups are: a window of N days starts at UTC midnight N - 1 days before today.
 */
import type { ApiKey, RecentUsage } from "../../shared/api/schemas";
import { startOfUtcDay } from "../../shared/domain/days";
import type { Dismissal, FindingSettings, LeakRecord } from "../../shared/domain/findings";

export interface FindingsInput {
  /** Every key of the workspace (not only active ones: refusals concern revoked and expired keys). */
  keys: readonly ApiKey[];
  /** Refusals and clients of every key (`GET /v1/usage/recent`); null when unknown, e.g. offline. */
  usage: RecentUsage | null;
  /** Keys of this workspace found in source by the scanner. */
  leaks: readonly LeakRecord[];
  dismissals: readonly Dismissal[];
  settings: FindingSettings;
  /** The rotation policy: a key is due this many calendar days after it was created. */
  rotationDays: number;
  now: Date;
}

export type RecentRefusal = RecentUsage["refusals"][number];
export type RecentClient = RecentUsage["clients"][number];

export interface FindingContext {
  readonly settings: FindingSettings;
  readonly rotationDays: number;
  readonly nowMs: number;
  readonly usage: RecentUsage | null;
  readonly activeIds: ReadonlySet<string>;
  /** Today, the UTC day of now: its date ("YYYY-MM-DD") and its start. */
  readonly today: string;
  readonly todayStartMs: number;
  refusalsOf(keyId: string): readonly RecentRefusal[];
  clientsOf(keyId: string): readonly RecentClient[];
  leaksOf(keyId: string): readonly LeakRecord[];
  /** The start of a usage window of `days` UTC days ending today. */
  windowStart(days: number): number;
}

function groupBy<T extends { keyId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.keyId);
    if (group) group.push(item);
    else groups.set(item.keyId, [item]);
  }
  return groups;
}

const NONE: readonly never[] = [];

export function buildContext(input: FindingsInput): FindingContext {
  const nowMs = input.now.getTime();
  const refusals = groupBy(input.usage?.refusals ?? NONE);
  const clients = groupBy(input.usage?.clients ?? NONE);
  const leaks = groupBy(input.leaks);
  const activeIds = new Set<string>();
  for (const key of input.keys) if (key.status === "active") activeIds.add(key.id);
  const windowStarts = new Map<number, number>();
  return {
    settings: input.settings,
    rotationDays: input.rotationDays,
    nowMs,
    usage: input.usage,
    activeIds,
    today: input.now.toISOString().slice(0, 10),
    todayStartMs: startOfUtcDay(nowMs),
    refusalsOf: (keyId) => refusals.get(keyId) ?? NONE,
    clientsOf: (keyId) => clients.get(keyId) ?? NONE,
    leaksOf: (keyId) => leaks.get(keyId) ?? NONE,
    windowStart: (days) => {
      let start = windowStarts.get(days);
      if (start === undefined) windowStarts.set(days, (start = startOfUtcDay(nowMs, -(days - 1))));
      return start;
    },
  };
}

/** How many days of `GET /v1/usage/recent` the refused-request and shared-key findings need. */
export function recentUsageDays(settings: FindingSettings): number {
  return Math.max(settings.refusedWindowDays, settings.sharedWindowDays);
}
