/** Reads a key's usage for the last N days (every day listed, oldest first, zeros included). */
import type { Kysely } from "kysely";
import type { KeyUsage } from "../../shared/api/schemas";
import type { Database } from "../db/schema";

const DAY_MS = 86_400_000;

export async function readUsage(db: Kysely<Database>, keyId: string, days: number, now: Date): Promise<KeyUsage> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dates = Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const rows = await db
    .selectFrom("usage_daily")
    .select(["date", "requests", "denied", "reads", "writes"])
    .where("key_id", "=", keyId)
    .where("date", ">=", dates[0]!)
    .execute();
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const daily = dates.map((date) => {
    const row = byDate.get(date);
    return {
      date,
      requests: Number(row?.requests ?? 0),
      denied: Number(row?.denied ?? 0),
      reads: Number(row?.reads ?? 0),
      writes: Number(row?.writes ?? 0),
      settings: 0,
    };
  });
  const clients = await db
    .selectFrom("usage_clients")
    .select(["ip", "user_agent", "first_seen_at", "last_seen_at", "requests"])
    .where("key_id", "=", keyId)
    .orderBy("last_seen_at", "desc")
    .limit(1000)
    .execute();
  return {
    refusals: [],
    daily,
    clients: clients.map((client) => ({
      ip: client.ip,
      userAgent: client.user_agent,
      firstSeenAt: client.first_seen_at,
      lastSeenAt: client.last_seen_at,
      requests: Number(client.requests),
    })),
  };
}
