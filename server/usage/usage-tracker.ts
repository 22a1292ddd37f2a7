/**
 * Counts every authenticated request in memory, per key, day, client and refusal reason, and keeps
 * each key's latest times (use, read, write, settings call, refusal); a flush writes them all in one
 * transaction (every second, and on shutdown). Rollups only, never a row per request, so usage stays
 * cheap at any request rate. Writes add to what is stored, so several processes' counts add up
 * exactly. A flush that fails puts its counts back: a full disk or a database restart delays usage
 * but loses none of it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { PendingUse } from "../keys/key-row";
import { keyUseColumns } from "./usage-columns";
import { emptyCounts, mergeOlder, type KeyCounts } from "./usage-counts";

export interface UseRecord {
  keyId: string;
  at: string;
  ip: string;
  userAgent: string;
  accepted: boolean;
  write: boolean;
  /** A call to /v1/settings. */
  settings: boolean;
  /** For a refused request: its error code. */
  reason?: string;
}

const MAX_USER_AGENT_LENGTH = 512;

export class UsageTracker {
  private pending = new Map<string, KeyCounts>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  record(use: UseRecord): void {
    let counts = this.pending.get(use.keyId);
    if (!counts) {
      counts = emptyCounts();
      this.pending.set(use.keyId, counts);
    }
    const date = use.at.slice(0, 10);
    let day = counts.days.get(date);
    if (!day) {
      day = { requests: 0, denied: 0, reads: 0, writes: 0, settings: 0 };
      counts.days.set(date, day);
    }
    day.requests++;
    if (!use.accepted) {
      day.denied++;
      const reason = use.reason ?? "refused";
      const id = `${date}|${reason}`;
      const refusal = counts.refusals.get(id);
      if (refusal) {
        refusal.count++;
        refusal.lastAt = use.at;
      } else {
        counts.refusals.set(id, { date, reason, count: 1, lastAt: use.at });
      }
      counts.use.lastRefused = { at: use.at, reason };
      return;
    }
    const times = counts.use;
    if (use.write) {
      day.writes++;
      times.lastWriteAt = use.at;
    } else {
      day.reads++;
      times.lastReadAt = use.at;
    }
    if (use.settings) {
      day.settings++;
      times.lastSettingsAt = use.at;
    }
    const userAgent = use.userAgent.length > MAX_USER_AGENT_LENGTH ? use.userAgent.slice(0, MAX_USER_AGENT_LENGTH) : use.userAgent;
    // A use on a new UTC day makes the batch's previous use the one before that day.
    if (times.lastUse && times.lastUse.at.slice(0, 10) !== date) times.previousDayUse = times.lastUse.at;
    times.lastUse = { at: use.at, ip: use.ip, userAgent };
    const clientId = `${use.ip}\u0000${userAgent}`;
    const client = counts.clients.get(clientId);
    if (client) {
      client.lastSeenAt = use.at;
      client.requests++;
    } else {
      counts.clients.set(clientId, { ip: use.ip, userAgent, firstSeenAt: use.at, lastSeenAt: use.at, requests: 1 });
    }
  }

  /** Uses not yet written, so answers can be fresher than the last flush. */
  pendingUse(keyId: string): PendingUse | undefined {
    return this.pending.get(keyId)?.use;
  }

  /** Writes what was counted so far. Flushes run one at a time, in order. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.writePending());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    // One order for every process: two flushes that touch the same rows never wait on each other in a cycle.
    const keyIds = [...batch.keys()].sort();
    const days = keyIds.flatMap((keyId) => [...batch.get(keyId)!.days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, day]) => ({ key_id: keyId, date, ...day })));
    const refusals = keyIds.flatMap((keyId) =>
      [...batch.get(keyId)!.refusals.values()]
        .sort((a, b) => (a.date + a.reason < b.date + b.reason ? -1 : 1))
        .map((refusal) => ({ key_id: keyId, date: refusal.date, reason: refusal.reason, count: refusal.count, last_at: refusal.lastAt })),
    );
    const clients = keyIds.flatMap((keyId) =>
      [...batch.get(keyId)!.clients.values()]
        .sort((a, b) => (a.ip + a.userAgent < b.ip + b.userAgent ? -1 : 1))
        .map((client) => ({ key_id: keyId, ip: client.ip, user_agent: client.userAgent, first_seen_at: client.firstSeenAt, last_seen_at: client.lastSeenAt, requests: client.requests })),
    );
    try {
      await this.db.transaction().execute(async (trx) => {
        // Many rows per statement: a flush costs a few round trips, not a few per key.
        for (const rows of chunks(days)) {
          await trx
            .insertInto("usage_daily")
            .values(rows)
            .onConflict((oc) =>
              oc.columns(["key_id", "date"]).doUpdateSet((eb) => ({
                requests: eb("usage_daily.requests", "+", eb.ref("excluded.requests")),
                denied: eb("usage_daily.denied", "+", eb.ref("excluded.denied")),
                reads: eb("usage_daily.reads", "+", eb.ref("excluded.reads")),
                writes: eb("usage_daily.writes", "+", eb.ref("excluded.writes")),
                settings: eb("usage_daily.settings", "+", eb.ref("excluded.settings")),
              })),
            )
            .execute();
        }
        for (const rows of chunks(refusals)) {
          await trx
            .insertInto("usage_refusals")
            .values(rows)
            .onConflict((oc) =>
              oc.columns(["key_id", "date", "reason"]).doUpdateSet((eb) => ({
                count: eb("usage_refusals.count", "+", eb.ref("excluded.count")),
                last_at: eb.case().when("excluded.last_at", ">", eb.ref("usage_refusals.last_at")).then(eb.ref("excluded.last_at")).else(eb.ref("usage_refusals.last_at")).end(),
              })),
            )
            .execute();
        }
        for (const rows of chunks(clients)) {
          await trx
            .insertInto("usage_clients")
            .values(rows)
            .onConflict((oc) =>
              oc.columns(["key_id", "ip", "user_agent"]).doUpdateSet((eb) => ({
                first_seen_at: eb.case().when("excluded.first_seen_at", "<", eb.ref("usage_clients.first_seen_at")).then(eb.ref("excluded.first_seen_at")).else(eb.ref("usage_clients.first_seen_at")).end(),
                last_seen_at: eb.case().when("excluded.last_seen_at", ">", eb.ref("usage_clients.last_seen_at")).then(eb.ref("excluded.last_seen_at")).else(eb.ref("usage_clients.last_seen_at")).end(),
                requests: eb("usage_clients.requests", "+", eb.ref("excluded.requests")),
              })),
            )
            .execute();
        }
        for (const keyId of keyIds) {
          const columns = keyUseColumns(batch.get(keyId)!.use);
          if (columns) await trx.updateTable("api_keys").set(columns).where("id", "=", keyId).execute();
        }
      });
    } catch (error) {
      this.restore(batch);
      throw error;
    }
  }

  private restore(batch: Map<string, KeyCounts>): void {
    for (const [keyId, older] of batch) {
      const newer = this.pending.get(keyId);
      if (!newer) this.pending.set(keyId, older);
      else mergeOlder(newer, older);
    }
  }
}

/** At most 500 rows per statement: well under SQLite's and PostgreSQL's limits on parameters. */
function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
