/** Runs the findings engine on hand-made inputs; times are UTC, days are 24 h. */
import { computeFindings } from "../../../core/findings";
import type { ApiKey, RecentUsage } from "../../../shared/api/schemas";
import { DEFAULT_FINDING_SETTINGS, type Dismissal, type Finding, type FindingKind, type FindingSettings, type LeakRecord } from "../../../shared/domain/findings";
import { makeApiKey } from "../../support/api-key";

export const DAY = 86_400_000;
export const NOW = Date.parse("2026-06-15T12:00:00.000Z");
export const iso = (ms: number): string => new Date(ms).toISOString();
export const daysAgo = (days: number): string => iso(NOW - days * DAY);

export function key(id: string, extra: Partial<ApiKey> = {}): ApiKey {
  return makeApiKey(id, { createdAt: daysAgo(10), ...extra });
}

/** A key used at `at`, with the usage detail a current server reports. */
export function usedKey(id: string, at: string, extra: Partial<ApiKey> = {}): ApiKey {
  return key(id, { lastUsedAt: at, lastReadAt: at, lastUsedIp: "10.0.0.5", lastUsedUserAgent: "integration/1.0", ...extra });
}

export interface RunOptions {
  usage?: RecentUsage | null;
  leaks?: LeakRecord[];
  dismissals?: Dismissal[];
  settings?: Partial<FindingSettings>;
  rotationDays?: number;
  now?: number;
}

export function run(keys: ApiKey[], options: RunOptions = {}): Finding[] {
  return computeFindings({
    keys,
    usage: options.usage === undefined ? { since: daysAgo(6), refusals: [], clients: [] } : options.usage,
    leaks: options.leaks ?? [],
    dismissals: options.dismissals ?? [],
    settings: { ...DEFAULT_FINDING_SETTINGS, ...options.settings },
    rotationDays: options.rotationDays ?? 90,
    now: new Date(options.now ?? NOW),
  });
}

/** The findings of one kind, as "kind:keyId" ids. */
export function idsOf(findings: Finding[], kind: FindingKind): string[] {
  return findings.filter((finding) => finding.kind === kind).map((finding) => finding.id);
}

export function only(findings: Finding[], kind: FindingKind): Finding {
  const matching = findings.filter((finding) => finding.kind === kind);
  if (matching.length !== 1) throw new Error(`expected one ${kind} finding, got ${matching.length}: ${JSON.stringify(findings.map((f) => f.id))}`);
  return matching[0]!;
}
