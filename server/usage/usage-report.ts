/** Reads usage from the rollups: one key's days (every day listed, oldest first, zeros included), and every key's recent refusals and clients. */
import type { Kysely } from "kysely";
import type { KeyUsage, RecentUsage } from "../../shared/api/schemas";
import type { Database } from "../db/schema";

const DAY_MS = 86_400_000;

/** The UTC dates of the last `days` days, today last. */
export function lastDates(days: number, now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

export async function readUsage(db: Kysely<Database>, keyId: string, days: number, now: Date): Promise<KeyUsage> {
  const dates = lastDates(days, now);
  const first = dates[0]!;
  const [rows, refusals, clients] = await Promise.all([
    db.selectFrom("usage_daily").select(["date", "requests", "denied", "reads", "writes", "settings"]).where("key_id", "=", keyId).where("date", ">=", first).execute(),
    db
      .selectFrom("usage_refusals")
      .select((eb) => ["reason", eb.fn.sum<number>("count").as("count"), eb.fn.max("last_at").as("last_at")])
      .where("key_id", "=", keyId)
      .where("date", ">=", first)
      .groupBy("reason")
      .orderBy("reason")
      .execute(),
    db
      .selectFrom("usage_clients")
      .select(["ip", "user_agent", "first_seen_at", "last_seen_at", "requests"])
      .where("key_id", "=", keyId)
      .orderBy("last_seen_at", "desc")
      .limit(1000)
      .execute(),
  ]);
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const daily = dates.map((date) => {
    const row = byDate.get(date);
    return {
      date,
      requests: Number(row?.requests ?? 0),
      denied: Number(row?.denied ?? 0),
      reads: Number(row?.reads ?? 0),
      writes: Number(row?.writes ?? 0),
      settings: Number(row?.settings ?? 0),
    };
  });
  return {
    daily,
    clients: clients.map((client) => ({
      ip: client.ip,
      userAgent: client.user_agent,
      firstSeenAt: client.first_seen_at,
      lastSeenAt: client.last_seen_at,
      requests: Number(client.requests),
    })),
    refusals: refusals.map((refusal) => ({ reason: refusal.reason, count: Number(refusal.count), lastAt: refusal.last_at })),
  };
}

/**
 * Every key's refusals (per reason) and clients seen since the start of the window: the UTC day
 * `days - 1` days before today. Read from the per-day refusal rollup and the per-client rows.
 */
export async function readRecentUsage(db: Kysely<Database>, days: number, now: Date): Promise<RecentUsage> {
  const first = lastDates(days, now)[0]!;
  const since = `${first}T00:00:00.000Z`;
  const [refusals, clients] = await Promise.all([
    db
      .selectFrom("usage_refusals")
      .select((eb) => ["key_id", "reason", eb.fn.sum<number>("count").as("count"), eb.fn.max("last_at").as("last_at")])
      .where("date", ">=", first)
      .groupBy(["key_id", "reason"])
      .orderBy("key_id")
      .orderBy("reason")
      .execute(),
    db
      .selectFrom("usage_clients")
      .select(["key_id", "ip", "user_agent", "first_seen_at", "last_seen_at", "requests"])
      .where("last_seen_at", ">=", since)
      .orderBy("key_id")
      .orderBy("last_seen_at", "desc")
      .execute(),
  ]);
  return {
    since,
    refusals: refusals.map((row) => ({ keyId: row.key_id, reason: row.reason, count: Number(row.count), lastAt: row.last_at })),
    clients: clients.map((row) => ({
      keyId: row.key_id,
      ip: row.ip,
      userAgent: row.user_agent,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
      requests: Number(row.requests),
    })),
  };
}
