/**
 * Tells every server process of one workspace that a key changed (revoked, rotated, given an
 * expiry, renamed), so each drops its cached keys within a second. Every change raises a counter
 * in the same transaction; each process polls it (every 250 ms: one tiny indexed read) and, on
 * PostgreSQL, also LISTENs for a NOTIFY sent at commit, which usually arrives in milliseconds.
 * The cache is trusted only up to 1 s after the start of the last poll that succeeded: if the
 * database cannot be read, cached keys stop being trusted rather than live on unchecked.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type pg from "pg";
import type { OpenedDatabase } from "../db/connect";
import type { Database } from "../db/schema";

export const KEY_CHANGES_CHANNEL = "keyward_key_changes";
/** The contract's bound: a change is seen by every process within this long. */
export const MAX_STALENESS_MS = 1000;
const POLL_MS = 250;
const RELISTEN_MS = 1000;

export interface KeyChangeListener {
  /** Another process (or this one) changed keys: forget every cached key. */
  changed(): void;
  /** Cached keys may be used until this time (ms since the epoch). */
  trustUntil(ms: number): void;
}

export class KeyChangeFeed {
  private seen: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private stopped = false;
  private polling = false;
  private failing = false;
  private listenFailing = false;

  constructor(
    private readonly database: Pick<OpenedDatabase, "db" | "kind" | "connectListener">,
    private readonly cache: KeyChangeListener,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
    /** How often the counter is read (tests lengthen it to see NOTIFY alone at work). */
    private readonly pollMs = POLL_MS,
  ) {}

  /** Raises the counter inside the transaction that changes a key. */
  async bump(trx: Transaction<Database>): Promise<void> {
    await trx
      .updateTable("key_changes")
      .set((eb) => ({ generation: eb("generation", "+", 1) }))
      .where("id", "=", 1)
      .execute();
    // Delivered at commit, and only if the transaction commits.
    if (this.database.kind === "postgres") await sql`select pg_notify(${KEY_CHANGES_CHANNEL}, '')`.execute(trx);
  }

  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
    if (this.database.connectListener) await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Reads the counter; public so tests and shutdown need not wait for the timer. */
  async poll(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    const startedAt = Date.now();
    try {
      const generation = await readGeneration(this.database.db);
      if (this.seen !== null && generation !== this.seen) this.cache.changed();
      this.seen = generation;
      this.cache.trustUntil(startedAt + MAX_STALENESS_MS);
      if (this.failing) this.log("key change counter readable again");
      this.failing = false;
    } catch (error) {
      // Said once per outage, not four times a second.
      if (!this.failing) this.log("cannot read the key change counter; cached keys are not trusted until it is back", error);
      this.failing = true;
    } finally {
      this.polling = false;
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped || !this.database.connectListener) return;
    let client: pg.Client | null = null;
    try {
      client = await this.database.connectListener();
      const listening = client;
      client.on("notification", (message) => {
        if (message.channel === KEY_CHANGES_CHANNEL) this.cache.changed();
      });
      client.on("end", () => this.relisten(listening));
      client.on("error", () => this.relisten(listening));
      await client.query(`LISTEN ${KEY_CHANGES_CHANNEL}`);
      if (this.stopped) await client.end();
      else this.listener = client;
      this.listenFailing = false;
      // Changes made while no one listened are caught by the poll.
    } catch (error) {
      client?.end().catch(() => undefined);
      if (!this.listenFailing) this.log("LISTEN failed; the poll covers it; retrying every second", error);
      this.listenFailing = true;
      setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    }
  }

  private relisten(client: pg.Client): void {
    if (this.listener !== client || this.stopped) return;
    this.listener = null;
    client.end().catch(() => undefined);
    setTimeout(() => void this.listen(), RELISTEN_MS).unref();
  }
}

export async function readGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("key_changes").select("generation").where("id", "=", 1).executeTakeFirst();
  return Number(row?.generation ?? 0);
}
