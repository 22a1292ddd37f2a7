/**
 * Counts every authenticated request per key, per day and per client, in memory, and writes the
 * counts in one transaction per flush (every second, and on shutdown). A flush that fails puts its
 * counts back, so a full disk delays usage but loses none of it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { LastUse } from "../keys/key-row";

export interface UseRecord {
  keyId: string;
  at: string;
  ip: string;
  userAgent: string;
  accepted: boolean;
  write: boolean;
}

interface DayCounts {
  requests: number;
  denied: number;
  reads: number;
  writes: number;
}

interface ClientCounts {
  ip: string;
  userAgent: string;
  firstSeenAt: string;
  lastSeenAt: string;
  requests: number;
}

interface KeyCounts {
  lastUse: LastUse | null;
  days: Map<string, DayCounts>;
  clients: Map<string, ClientCounts>;
}

const MAX_USER_AGENT_LENGTH = 512;

export class UsageTracker {
  private pending = new Map<string, KeyCounts>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  record(use: UseRecord): void {
    let counts = this.pending.get(use.keyId);
    if (!counts) {
      counts = { lastUse: null, days: new Map(), clients: new Map() };
      this.pending.set(use.keyId, counts);
    }
    const userAgent = use.userAgent.slice(0, MAX_USER_AGENT_LENGTH);
    const date = use.at.slice(0, 10);
    let day = counts.days.get(date);
    if (!day) {
      day = { requests: 0, denied: 0, reads: 0, writes: 0 };
      counts.days.set(date, day);
    }
    day.requests++;
    if (!use.accepted) {
      day.denied++;
      return;
    }
    if (use.write) day.writes++;
    else day.reads++;
    counts.lastUse = { at: use.at, ip: use.ip, userAgent };
    const clientId = `${use.ip}\u0000${userAgent}`;
    const client = counts.clients.get(clientId);
    if (client) {
      client.lastSeenAt = use.at;
      client.requests++;
    } else {
      counts.clients.set(clientId, { ip: use.ip, userAgent, firstSeenAt: use.at, lastSeenAt: use.at, requests: 1 });
    }
  }

  /** The newest use not yet written, so answers can be fresher than the last flush. */
  pendingLastUse(keyId: string): LastUse | undefined {
    return this.pending.get(keyId)?.lastUse ?? undefined;
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
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const [keyId, counts] of batch) {
          for (const [date, day] of counts.days) {
            await trx
              .insertInto("usage_daily")
              .values({ key_id: keyId, date, ...day })
              .onConflict((oc) =>
                oc.columns(["key_id", "date"]).doUpdateSet((eb) => ({
                  requests: eb("usage_daily.requests", "+", eb.ref("excluded.requests")),
                  denied: eb("usage_daily.denied", "+", eb.ref("excluded.denied")),
                  reads: eb("usage_daily.reads", "+", eb.ref("excluded.reads")),
                  writes: eb("usage_daily.writes", "+", eb.ref("excluded.writes")),
                })),
              )
              .execute();
          }
          for (const client of counts.clients.values()) {
            await trx
              .insertInto("usage_clients")
              .values({
                key_id: keyId,
                ip: client.ip,
                user_agent: client.userAgent,
                first_seen_at: client.firstSeenAt,
                last_seen_at: client.lastSeenAt,
                requests: client.requests,
              })
              .onConflict((oc) =>
                oc.columns(["key_id", "ip", "user_agent"]).doUpdateSet((eb) => ({
                  last_seen_at: eb.ref("excluded.last_seen_at"),
                  requests: eb("usage_clients.requests", "+", eb.ref("excluded.requests")),
                })),
              )
              .execute();
          }
          if (counts.lastUse) {
            const use = counts.lastUse;
            await trx
              .updateTable("api_keys")
              .set({ last_used_at: use.at, last_used_ip: use.ip, last_used_user_agent: use.userAgent })
              .where("id", "=", keyId)
              .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", use.at)]))
              .execute();
          }
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
      if (!newer) {
        this.pending.set(keyId, older);
        continue;
      }
      newer.lastUse ??= older.lastUse;
      for (const [date, day] of older.days) {
        const into = newer.days.get(date);
        if (!into) newer.days.set(date, day);
        else {
          into.requests += day.requests;
          into.denied += day.denied;
          into.reads += day.reads;
          into.writes += day.writes;
        }
      }
      for (const [id, client] of older.clients) {
        const into = newer.clients.get(id);
        if (!into) newer.clients.set(id, client);
        else {
          into.firstSeenAt = client.firstSeenAt;
          into.requests += client.requests;
        }
      }
    }
  }
}
