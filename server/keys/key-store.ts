/**
 * API keys: issue, list, revoke, rotate, look up. Only the SHA-256 of a secret is stored; the
 * secret exists in the answer to the request that created it and nowhere else. Every change is
 * written with its audit event in one transaction, and forgets the key's cached authentication row
 * before it is answered.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { ApiKey, CreatedKey, KeyStatus, RevokeReason, RotatedKey, Scope } from "../../shared/api/schemas";
import { displayForm, generateCredential } from "../../shared/credential";
import { appendAuditEvent } from "../audit/audit-log";
import type { Database } from "../db/schema";
import { newestFirstPage } from "../cursor";
import { ApiError, notFound } from "../http/api-error";
import { newId } from "../ids";
import type { UsageTracker } from "../usage/usage-tracker";
import { KeyAuthCache } from "./key-auth-cache";
import { statusOf, toApiKey, type KeyRow } from "./key-row";

export interface Actor {
  /** Written into audit events, e.g. `admin_token:atk_…`. */
  id: string;
  /** Shown as a key's creator. */
  name: string;
}

export interface NewKey {
  name: string;
  scope: Scope;
  environment: "live" | "test";
  description: string;
  expiresAt?: string | null | undefined;
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export class KeyStore {
  readonly authCache = new KeyAuthCache();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly usage: UsageTracker,
    private readonly now: () => Date,
  ) {}

  private view(row: KeyRow): ApiKey {
    return toApiKey(row, this.now().toISOString(), this.usage.pendingLastUse(row.id));
  }

  async create(input: NewKey, actor: Actor): Promise<CreatedKey> {
    const at = this.now().toISOString();
    if (input.expiresAt && input.expiresAt <= at) throw new ApiError("invalid_request", "body.expiresAt: must be in the future.");
    return this.db.transaction().execute(async (trx) => {
      const { row, secret } = await this.insertKey(trx, input, actor, at, null);
      await appendAuditEvent(trx, {
        type: "key.created",
        actor: actor.id,
        keyId: row.id,
        at,
        data: { name: row.name, scope: row.scope, environment: row.environment, display: row.display, expiresAt: row.expires_at },
      });
      return { key: this.view(row), secret };
    });
  }

  private async insertKey(trx: Transaction<Database>, input: NewKey, actor: Actor, at: string, replacesId: string | null) {
    const secret = generateCredential(input.environment);
    const row: KeyRow = {
      id: newId("key"),
      name: input.name,
      description: input.description,
      scope: input.scope,
      environment: input.environment,
      display: displayForm(secret),
      secret_sha256: sha256Hex(secret),
      created_at: at,
      created_by: actor.name,
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
      revoked_reason: null,
      revoke_note: null,
      replaces_id: replacesId,
      replaced_by_id: null,
      last_used_at: null,
      last_used_ip: null,
      last_used_user_agent: null,
      expiry_recorded: 0,
    };
    await trx.insertInto("api_keys").values(row).execute();
    return { row, secret };
  }

  async get(id: string): Promise<ApiKey> {
    return this.view(await this.requireRow(this.db, id));
  }

  private async requireRow(db: Kysely<Database> | Transaction<Database>, id: string): Promise<KeyRow> {
    const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound(`API key ${id}`);
    return row;
  }

  async list(options: { status?: KeyStatus | undefined; limit: number; cursor?: string | undefined }): Promise<{ keys: ApiKey[]; nextCursor: string | null }> {
    const nowIso = this.now().toISOString();
    let query = this.db.selectFrom("api_keys").selectAll();
    if (options.status === "revoked") query = query.where("revoked_at", "is not", null);
    if (options.status === "active") {
      query = query.where("revoked_at", "is", null).where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", nowIso)]));
    }
    if (options.status === "expired") query = query.where("revoked_at", "is", null).where("expires_at", "<=", nowIso);
    const { rows, nextCursor } = await newestFirstPage(query, options.limit, options.cursor);
    return { keys: rows.map((row) => this.view(row)), nextCursor };
  }

  async revoke(id: string, reason: RevokeReason, note: string | undefined, actor: Actor): Promise<ApiKey> {
    const at = this.now().toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await this.requireRow(trx, id);
      if (current.revoked_at !== null) return current; // revoking twice changes nothing
      await trx
        .updateTable("api_keys")
        .set({ revoked_at: at, revoked_reason: reason, revoke_note: note ?? null })
        .where("id", "=", id)
        .execute();
      await appendAuditEvent(trx, { type: "key.revoked", actor: actor.id, keyId: id, at, data: { reason, note: note ?? null } });
      return { ...current, revoked_at: at, revoked_reason: reason, revoke_note: note ?? null };
    });
    this.authCache.forget(row.secret_sha256);
    return this.view(row);
  }

  async rotate(id: string, options: { graceSeconds?: number | undefined; scope?: Scope | undefined }, actor: Actor): Promise<RotatedKey> {
    const now = this.now();
    const at = now.toISOString();
    const result = await this.db.transaction().execute(async (trx) => {
      const old = await this.requireRow(trx, id);
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
      const { row: successor, secret } = await this.insertKey(
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
    });
    this.authCache.forget(result.previous.secret_sha256);
    return { key: this.view(result.successor), secret: result.secret, previous: this.view(result.previous) };
  }

  /** Shortens an active key's life to `graceSeconds` from now; an earlier expiry it has stays. */
  async scheduleExpiry(id: string, graceSeconds: number, actor: Actor): Promise<ApiKey> {
    const now = this.now();
    const at = now.toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await this.requireRow(trx, id);
      const status = statusOf(current, at);
      if (status !== "active") throw new ApiError("conflict", `API key ${id} is ${status}: only an active key can be given an expiry.`);
      const requested = new Date(now.getTime() + graceSeconds * 1000).toISOString();
      const expiresAt = current.expires_at !== null && current.expires_at < requested ? current.expires_at : requested;
      await trx.updateTable("api_keys").set({ expires_at: expiresAt }).where("id", "=", id).execute();
      await appendAuditEvent(trx, { type: "key.expiry_scheduled", actor: actor.id, keyId: id, at, data: { graceSeconds, expiresAt } });
      return { ...current, expires_at: expiresAt };
    });
    this.authCache.forget(row.secret_sha256);
    return this.view(row);
  }

  async lookup(hashes: string[]): Promise<{ sha256: string; key: ApiKey }[]> {
    if (hashes.length === 0) return [];
    const rows = await this.db.selectFrom("api_keys").selectAll().where("secret_sha256", "in", [...new Set(hashes)]).execute();
    return rows.map((row) => ({ sha256: row.secret_sha256, key: this.view(row) }));
  }

  /** The row behind a presented credential, for authentication. */
  findForAuth(secretSha256: string): Promise<KeyRow | undefined> {
    return this.authCache.get(secretSha256, (sha) =>
      this.db.selectFrom("api_keys").selectAll().where("secret_sha256", "=", sha).executeTakeFirst(),
    );
  }

  /** Writes a `key.expired` event for every key whose expiry passed since the last call. */
  async recordExpiries(): Promise<number> {
    const at = this.now().toISOString();
    const due = await this.db
      .selectFrom("api_keys")
      .select(["id", "expires_at", "secret_sha256"])
      .where("expiry_recorded", "=", 0)
      .where("revoked_at", "is", null)
      .where("expires_at", "<=", at)
      .orderBy("expires_at")
      .limit(500)
      .execute();
    for (const key of due) {
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable("api_keys").set({ expiry_recorded: 1 }).where("id", "=", key.id).execute();
        await appendAuditEvent(trx, { type: "key.expired", actor: "system", keyId: key.id, at, data: { expiresAt: key.expires_at } });
      });
      this.authCache.forget(key.secret_sha256);
    }
    return due.length;
  }
}
