/**
 * Rotation: a successor with the same name and environment (the same scope unless rescoped), linked
 * both ways, and the old key's expiry shortened to the grace period if one is given. The old key
 * keeps working until it is revoked or expires. Runs inside the caller's change transaction.
 * Protects against: two rotations of one key (the row is read locked) and a successor's secret
 * being kept (only its hash is stored). Does not protect against: a caller that logs the answer.
 */
import type { Transaction } from "kysely";
import type { Scope } from "../../shared/api/schemas";
import { appendAuditEvent } from "../audit/audit-log";
import type { Database } from "../db/schema";
import { ApiError } from "../http/api-error";
import { statusOf, type KeyRow } from "./key-row";
import type { Actor, NewKey } from "./key-types";

/** What a rotation needs of the key store (which runs it, in its change transaction). */
export interface RotationKeyAccess {
  requireRow(trx: Transaction<Database>, id: string, lock: boolean): Promise<KeyRow>;
  insertKey(trx: Transaction<Database>, input: NewKey, actor: Actor, at: string, replacesId: string | null): Promise<{ row: KeyRow; secret: string }>;
}

export interface RotationOutcome {
  successor: KeyRow;
  secret: string;
  previous: KeyRow;
}

export async function rotateKey(
  keys: RotationKeyAccess,
  trx: Transaction<Database>,
  id: string,
  options: { graceSeconds?: number | undefined; scope?: Scope | undefined },
  actor: Actor,
  now: Date,
): Promise<RotationOutcome> {
  const at = now.toISOString();
  const old = await keys.requireRow(trx, id, true);
  const status = statusOf(old, at);
  if (status !== "active") throw new ApiError("conflict", `API key ${id} is ${status}: only an active key can be rotated.`);
  if (old.replaced_by_id !== null) {
    // A key is rotated once, unless its successor was revoked or expired (a rotation abandoned).
    const successor = await trx.selectFrom("api_keys").select(["revoked_at", "expires_at"]).where("id", "=", old.replaced_by_id).executeTakeFirst();
    if (successor && statusOf(successor, at) === "active") {
      throw new ApiError("conflict", `API key ${id} was already rotated into ${old.replaced_by_id}.`);
    }
  }
  // The successor keeps the old key's lifetime, if it had one.
  const lifetimeMs = old.expires_at ? Date.parse(old.expires_at) - Date.parse(old.created_at) : null;
  const { row: successor, secret } = await keys.insertKey(
    trx,
    {
      name: old.name,
      scope: options.scope ?? (old.scope as Scope),
      environment: old.environment as "live" | "test",
      description: old.description,
      expiresAt: lifetimeMs !== null ? new Date(now.getTime() + lifetimeMs).toISOString() : null,
    },
    actor,
    at,
    old.id,
  );
  let expiresAt = old.expires_at;
  if (options.graceSeconds !== undefined) {
    const graceEnds = new Date(now.getTime() + options.graceSeconds * 1000).toISOString();
    if (expiresAt === null || graceEnds < expiresAt) expiresAt = graceEnds;
  }
  await trx.updateTable("api_keys").set({ replaced_by_id: successor.id, expires_at: expiresAt }).where("id", "=", old.id).execute();
  await appendAuditEvent(trx, {
    type: "key.created",
    actor: actor.id,
    keyId: successor.id,
    at,
    data: { name: successor.name, scope: successor.scope, environment: successor.environment, display: successor.display, expiresAt: successor.expires_at, replacesId: old.id },
  });
  await appendAuditEvent(trx, {
    type: "key.rotated",
    actor: actor.id,
    keyId: old.id,
    at,
    data: { successorId: successor.id, graceSeconds: options.graceSeconds ?? null, oldExpiresAt: expiresAt, scope: successor.scope, previousScope: old.scope },
  });
  return { successor, secret, previous: { ...old, replaced_by_id: successor.id, expires_at: expiresAt } };
}
