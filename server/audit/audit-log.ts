/**
 * The append-only, hash-chained audit log. Each event's hash covers its predecessor's hash and the
 * canonical JSON of the event, so removing, changing or reordering an event breaks every hash after
 * it. Appends run inside the caller's transaction, so an event exists if and only if its change does.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { AuditEvent } from "../../shared/api/schemas";
import { GENESIS_HASH, chainInput } from "../../shared/audit-chain";
import type { Database } from "../db/schema";

export type AuditEventType = "key.created" | "key.rotated" | "key.revoked" | "key.expired" | "key.expiry_scheduled" | "auth.denied" | "admin_token.created";

export interface NewAuditEvent {
  type: AuditEventType;
  actor: string;
  keyId?: string | null;
  data: Record<string, unknown>;
  at: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

export async function chainHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const last = await db.selectFrom("audit_events").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export function hashEvent(prevHash: string, event: Omit<AuditEvent, "hash">): string {
  return createHash("sha256").update(chainInput(prevHash, event), "utf8").digest("hex");
}

export async function appendAuditEvent(trx: Transaction<Database>, event: NewAuditEvent): Promise<AuditEvent> {
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

export async function listAuditEvents(db: Executor, after: number, limit: number): Promise<AuditEvent[]> {
  const rows = await db.selectFrom("audit_events").selectAll().where("seq", ">", after).orderBy("seq", "asc").limit(limit).execute();
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
