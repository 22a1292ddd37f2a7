/**
 * The append-only, hash-chained audit log. Each event's hash covers its predecessor's hash and the
 * canonical JSON of the event, so removing, changing or reordering an event breaks every hash after
 * it. Appends run inside the caller's transaction, so an event exists if and only if its change does.
 * Several server processes share one chain: on SQLite every write transaction holds the write lock
 * from its start (BEGIN IMMEDIATE); on PostgreSQL an append first takes a transaction-scoped
 * advisory lock, so the head it reads is the head it extends. `seq` is the primary key besides:
 * a fork could not commit.
 */
import { createHash } from "node:crypto";
import { PostgresAdapter, sql, type Kysely, type Transaction } from "kysely";
import type { AuditEvent } from "../../shared/api/schemas";
import { GENESIS_HASH, chainInput } from "../../shared/audit-chain";
import type { Database } from "../db/schema";

export type AuditEventType =
  | "key.created"
  | "key.updated"
  | "key.rotated"
  | "key.revoked"
  | "key.expired"
  | "key.expiry_scheduled"
  | "auth.denied"
  | "admin_token.created";

export interface NewAuditEvent {
  type: AuditEventType;
  actor: string;
  keyId?: string | null;
  data: Record<string, unknown>;
  at: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Any 64-bit number unique to this lock; "kw-audit" in ASCII. */
const AUDIT_CHAIN_LOCK = 0x6b772d6175646974n;

export async function chainHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const last = await db.selectFrom("audit_events").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export function hashEvent(prevHash: string, event: Omit<AuditEvent, "hash">): string {
  return createHash("sha256").update(chainInput(prevHash, event), "utf8").digest("hex");
}

export async function appendAuditEvent(trx: Transaction<Database>, event: NewAuditEvent): Promise<AuditEvent> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    // Held until this transaction ends; a second append in it takes it again at no cost.
    await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK.toString())}::bigint)`.execute(trx);
  }
  const head = await chainHead(trx);
  const unsigned: Omit<AuditEvent, "hash"> = {
    seq: head.seq + 1,
    at: event.at,
    type: event.type,
    actor: event.actor,
    ...(event.keyId ? { keyId: event.keyId } : {}),
    data: event.data,
    prevHash: head.hash,
  };
  const hash = hashEvent(head.hash, unsigned);
  await trx
    .insertInto("audit_events")
    .values({
      seq: unsigned.seq,
      at: unsigned.at,
      type: unsigned.type,
      actor: unsigned.actor,
      key_id: event.keyId ?? null,
      data: JSON.stringify(unsigned.data),
      prev_hash: unsigned.prevHash,
      hash,
    })
    .execute();
  return { ...unsigned, hash };
}

export interface AuditQuery {
  /** Only events with a seq above this. */
  after?: number | undefined;
  /** Only events with a seq below this (paging newest first). */
  before?: number | undefined;
  keyId?: string | undefined;
  type?: string | undefined;
  order?: "asc" | "desc" | undefined;
  limit: number;
}

export async function listAuditEvents(db: Executor, query: AuditQuery): Promise<AuditEvent[]> {
  let select = db.selectFrom("audit_events").selectAll();
  if (query.after !== undefined) select = select.where("seq", ">", query.after);
  if (query.before !== undefined) select = select.where("seq", "<", query.before);
  if (query.keyId !== undefined) select = select.where("key_id", "=", query.keyId);
  if (query.type !== undefined) select = select.where("type", "=", query.type);
  const rows = await select.orderBy("seq", query.order ?? "asc").limit(query.limit).execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    type: row.type,
    actor: row.actor,
    ...(row.key_id ? { keyId: row.key_id } : {}),
    data: JSON.parse(row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}
