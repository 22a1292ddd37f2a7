/**
 * A realistic findings input for 10,000 keys: 90 days of per-key daily rollups (requests, reads,
 * writes, settings calls), clients and refusals, made the way the server keeps them, and the key
 * fields the server derives from them (last used, last read/write/settings, previous day's use).
 * Deterministic (a seeded generator), so runs compare.
 */
import type { ApiKey, RecentUsage, Scope } from "../shared/api/schemas";
import { DEFAULT_FINDING_SETTINGS, type Dismissal, type LeakRecord } from "../shared/domain/findings";

const DAY = 86_400_000;
const USAGE_DAYS = 90;

export interface FindingsBenchInput {
  keys: ApiKey[];
  usage: RecentUsage;
  leaks: LeakRecord[];
  dismissals: Dismissal[];
  now: Date;
  dailyRows: number;
}

/** mulberry32: small, seeded, good enough for test data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Day {
  date: number;
  reads: number;
  writes: number;
  settings: number;
}

export function buildFindingsInput(keyCount: number, nowIso = "2026-06-15T12:00:00.000Z"): FindingsBenchInput {
  const rnd = random(42);
  const now = Date.parse(nowIso);
  const today = now - (now % DAY);
  const recentStart = today - (DEFAULT_FINDING_SETTINGS.sharedWindowDays - 1) * DAY;
  const keys: ApiKey[] = [];
  const usage: RecentUsage = { since: new Date(recentStart).toISOString(), refusals: [], clients: [] };
  let dailyRows = 0;
  for (let i = 0; i < keyCount; i++) {
    const id = `key_${i.toString(36).padStart(8, "0")}`;
    const createdAt = now - Math.floor(rnd() * 400 * DAY);
    const scope: Scope = rnd() < 0.5 ? "read" : rnd() < 0.6 ? "write" : "full";
    const roll = rnd();
    // Half of the keys that stopped did so before the 90 days: no rollup rows, an old last use.
    const profile = roll < 0.1 ? "never" : roll < 0.15 ? "long-gone" : roll < 0.2 ? "stopped" : roll < 0.25 ? "awakened" : "steady";
    const activity = profile === "steady" ? 0.3 + rnd() * 0.7 : 0.5;
    const days: Day[] = [];
    for (let d = USAGE_DAYS - 1; d >= 0; d--) {
      const date = today - d * DAY;
      if (date < createdAt - (createdAt % DAY) || profile === "never" || profile === "long-gone") continue;
      const active = profile === "stopped" ? d > 60 && rnd() < activity : profile === "awakened" ? d === 0 || (d > 45 && rnd() < activity) : rnd() < activity;
      if (!active) continue;
      const requests = 1 + Math.floor(rnd() * 500);
      const writes = scope === "read" ? 0 : rnd() < 0.5 ? Math.floor(requests * rnd() * 0.3) : 0;
      const settings = scope === "full" && rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0;
      days.push({ date, reads: requests - writes, writes, settings });
    }
    dailyRows += days.length;
    const at = (day: Day) => new Date(Math.min(now - 1000, day.date + Math.floor(rnd() * DAY))).toISOString();
    const last = days.at(-1);
    const longGone = profile === "long-gone" && createdAt < today - 100 * DAY ? new Date(createdAt + Math.floor(rnd() * (today - 91 * DAY - createdAt))).toISOString() : null;
    const lastUsedAt = last ? at(last) : longGone;
    const before = days.length > 1 ? days.at(-2)! : null;
    const lastWith = (pick: (day: Day) => number) => {
      for (let d = days.length - 1; d >= 0; d--) if (pick(days[d]!) > 0) return d === days.length - 1 ? lastUsedAt : at(days[d]!);
      return null;
    };
    const statusRoll = rnd();
    const revoked = statusRoll < 0.1;
    const expiresAt = statusRoll > 0.9 ? new Date(now + Math.floor((rnd() - 0.2) * 60 * DAY)).toISOString() : null;
    const status = revoked ? "revoked" : expiresAt !== null && Date.parse(expiresAt) <= now ? "expired" : "active";
    keys.push({
      id,
      name: `integration ${i}`,
      description: "",
      scope,
      environment: "live",
      display: `uo_live_${id.slice(4, 10)}…abcd`,
      status,
      createdAt: new Date(createdAt).toISOString(),
      createdBy: "desktop",
      expiresAt,
      revokedAt: revoked ? new Date(now - Math.floor(rnd() * 30 * DAY)).toISOString() : null,
      revokedReason: revoked ? (rnd() < 0.2 ? "compromised" : "rotated") : null,
      lastUsedAt,
      lastUsedIp: lastUsedAt ? `10.${i % 250}.0.1` : null,
      lastUsedUserAgent: lastUsedAt ? "integration/1.0" : null,
      replacesId: null,
      replacedById: null,
      createdByTokenId: "atk_1",
      revokedBy: revoked ? "desktop" : null,
      revokedNote: null,
      lastRefusedAt: null,
      lastRefusedReason: null,
      lastReadAt: longGone ?? lastWith((day) => day.reads),
      lastWriteAt: lastWith((day) => day.writes),
      lastSettingsAt: lastWith((day) => day.settings),
      previousUseAt: before ? at(before) : null,
    });
    const clientCount = last && last.date >= recentStart ? 1 + Math.floor(rnd() * rnd() * 6) : 0;
    for (let c = 0; c < clientCount; c++) {
      usage.clients.push({ keyId: id, ip: `10.${i % 250}.${c}.1`, userAgent: `worker/${c}`, firstSeenAt: new Date(createdAt).toISOString(), lastSeenAt: lastUsedAt!, requests: 100 });
    }
    if (revoked && rnd() < 0.3) {
      usage.refusals.push({ keyId: id, reason: "revoked_key", count: 1 + Math.floor(rnd() * 50), lastAt: new Date(now - Math.floor(rnd() * 10 * DAY)).toISOString() });
    }
    if (rnd() < 0.05) usage.refusals.push({ keyId: id, reason: "insufficient_scope", count: 3, lastAt: new Date(now - DAY).toISOString() });
  }
  const leaks: LeakRecord[] = keys.slice(0, 20).map((key, n) => ({ keyId: key.id, display: key.display, foundAt: new Date(now - n * DAY).toISOString(), locations: [`src/config-${n}.ts:12`], locationCount: 1 }));
  const dismissals: Dismissal[] = keys.slice(0, 100).map((key) => ({ findingId: `never_used:${key.id}`, note: "kept on purpose", at: new Date(now).toISOString(), by: "bench" }));
  return { keys, usage, leaks, dismissals, now: new Date(now), dailyRows };
}
