/**
 * A workspace database with a long audit history, for `npm run bench -- audit`: keys made through
 * the server's own key store (each with its key.created event), then refused-request events
 * (`auth.denied`, one per key, reason and minute, as the server folds them) with a few key edits,
 * chained with the server's own hash function and written in large batches, since appending a
 * million events one transaction at a time would take minutes.
 */
import type { Kysely } from "kysely";
import { chainHead, hashEvent } from "../server/audit/audit-log";
import type { Database } from "../server/db/schema";
import type { KeyStore } from "../server/keys/key-store";
import type { AuditEvent } from "../shared/api/schemas";

const REASONS = ["revoked_key", "expired_key", "insufficient_scope", "wrong_credential_kind"];
const BATCH = 500;

export async function addKeys(keys: KeyStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  const actor = { id: "admin_token:atk_bench", name: "bench" };
  for (let i = 0; i < count; i++) {
    const scope = i % 5 === 0 ? "full" : i % 2 === 0 ? "write" : "read";
    const created = await keys.create({ name: `integration ${i}`, scope, environment: "live", description: `The bench's integration number ${i}.` }, actor);
    ids.push(created.key.id);
  }
  return ids;
}

export async function appendEvents(db: Kysely<Database>, keyIds: string[], total: number, startMs: number): Promise<void> {
  let { seq, hash: prevHash } = await chainHead(db);
  let rows: Database["audit_events"][] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch.length; i += BATCH) await trx.insertInto("audit_events").values(batch.slice(i, i + BATCH)).execute();
    });
  };
  for (let n = 0; n < total; n++) {
    const keyId = keyIds[(n * 7919) % keyIds.length]!;
    const minute = new Date(startMs + Math.floor(n / 4) * 60_000).toISOString();
    const edit = n % 1000 === 999;
    const unsigned: Omit<AuditEvent, "hash"> = {
      seq: seq + 1,
      at: new Date(Date.parse(minute) + 61_000).toISOString(),
      type: edit ? "key.updated" : "auth.denied",
      actor: edit ? "admin_token:atk_bench" : "system",
      keyId,
      data: edit ? { description: `Edited description ${n}` } : { reason: REASONS[n % REASONS.length]!, count: 1 + (n % 37), minute, clients: [`203.0.113.${n % 250}`, `198.51.100.${n % 200}`] },
      prevHash,
    };
    const hash = hashEvent(prevHash, unsigned);
    rows.push({ seq: unsigned.seq, at: unsigned.at, type: unsigned.type, actor: unsigned.actor, key_id: keyId, data: JSON.stringify(unsigned.data), prev_hash: prevHash, hash });
    seq = unsigned.seq;
    prevHash = hash;
    if (rows.length >= 20_000) await flush();
  }
  await flush();
}
