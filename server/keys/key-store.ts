/**
 * API keys: issue, list, edit, revoke, rotate, look up. Only the SHA-256 of a secret is stored; the
 * secret exists in the answer to the request that created it and nowhere else. Every change is
 * written with its audit event in one transaction that also raises the key change counter (so every
 * other server process drops its cached keys within a second), and forgets the key's cached row in
 * this process before it is answered. A change reads the key's row locked (PostgreSQL FOR UPDATE;
 * SQLite's write transactions hold the lock from their start), so two processes cannot both revoke
 * or both rotate one key.
 * Protects against: a stored secret (hashes only; lookups by hash), a revoked key honoured by
 * another process for more than a second. Does not protect against: a database reader learning
 * which hashes exist, or a caller logging the create answer.
 */
import { createHash, hash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { ApiKey, CreatedKey, KeyStatus, RevokeReason, RotatedKey, Scope, UpdateKeyBody } from "../../shared/api/schemas";
import { displayForm, generateCredential } from "../../shared/credential";
import { appendAuditEvent } from "../audit/audit-log";
import type { DatabaseKind } from "../db/connect";
import type { Database } from "../db/schema";
import { newestFirstPage } from "../cursor";
import { ApiError, notFound } from "../http/api-error";
import { newId } from "../ids";
import type { UsageTracker } from "../usage/usage-tracker";
import { KeyAuthCache, type CachedKey } from "./key-auth-cache";
import type { KeyChangeFeed } from "./key-change-feed";
import { statusOf, toApiKey, type KeyRow } from "./key-row";
import { rotateKey } from "./key-rotation";
import type { Actor, NewKey } from "./key-types";

export type { Actor, NewKey } from "./key-types";

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
/** The same digest as bytes (one-shot: the hot path of authentication). */
export const sha256Bytes = (text: string): Buffer => hash("sha256", text, "buffer") as unknown as Buffer;

type Executor = Kysely<Database> | Transaction<Database>;

export class KeyStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly usage: UsageTracker,
    private readonly now: () => Date,
    private readonly kind: DatabaseKind,
    private readonly changes: Pick<KeyChangeFeed, "bump">,
    readonly authCache: KeyAuthCache = new KeyAuthCache(),
  ) {}

  view(row: KeyRow): ApiKey {
    return toApiKey(row, this.now().toISOString(), this.usage.pendingUse(row.id));
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

  async insertKey(trx: Transaction<Database>, input: NewKey, actor: Actor, at: string, replacesId: string | null) {
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
      created_by_token_id: actor.tokenId ?? null,
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
      revoked_reason: null,
      revoke_note: null,
      revoked_by: null,
      replaces_id: replacesId,
      replaced_by_id: null,
      last_used_at: null,
      last_used_ip: null,
      last_used_user_agent: null,
      last_refused_at: null,
      last_refused_reason: null,
      last_read_at: null,
      last_write_at: null,
      last_settings_at: null,
      previous_use_at: null,
      expiry_recorded: 0,
    };
    await trx.insertInto("api_keys").values(row).execute();
    return { row, secret };
  }

  async get(id: string): Promise<ApiKey> {
    return this.view(await this.requireRow(this.db, id));
  }

  /** The key's row; inside a change, locked until the transaction ends. */
  async requireRow(db: Executor, id: string, lock = false): Promise<KeyRow> {
    let query = db.selectFrom("api_keys").selectAll().where("id", "=", id);
    if (lock && this.kind === "postgres") query = query.forUpdate();
    const row = await query.executeTakeFirst();
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

  /** Edits the labels; scope, environment and expiry never change in place. */
  async update(id: string, changes: UpdateKeyBody, actor: Actor): Promise<ApiKey> {
    const at = this.now().toISOString();
    const { row } = await this.change(async (trx) => {
      const current = await this.requireRow(trx, id, true);
      const status = statusOf(current, at);
      if (status !== "active") throw new ApiError("conflict", `API key ${id} is ${status}: only an active key can be edited.`);
      const changed: Record<string, { from: string; to: string }> = {};
      if (changes.name !== undefined && changes.name !== current.name) changed.name = { from: current.name, to: changes.name };
      if (changes.description !== undefined && changes.description !== current.description) {
        changed.description = { from: current.description, to: changes.description };
      }
      if (Object.keys(changed).length === 0) return { row: current }; // nothing to write, nothing to audit
      const next = { ...current, name: changes.name ?? current.name, description: changes.description ?? current.description };
      await trx.updateTable("api_keys").set({ name: next.name, description: next.description }).where("id", "=", id).execute();
      await appendAuditEvent(trx, { type: "key.updated", actor: actor.id, keyId: id, at, data: changed });
      return { row: next };
    });
    return this.view(row);
  }

  async revoke(id: string, reason: RevokeReason, note: string | undefined, actor: Actor): Promise<ApiKey> {
    const at = this.now().toISOString();
    const { row } = await this.change(async (trx) => {
      const current = await this.requireRow(trx, id, true);
      if (current.revoked_at !== null) return { row: current }; // revoking twice changes nothing
      const revoked = { revoked_at: at, revoked_reason: reason, revoke_note: note ?? null, revoked_by: actor.name };
      await trx.updateTable("api_keys").set(revoked).where("id", "=", id).execute();
      await appendAuditEvent(trx, { type: "key.revoked", actor: actor.id, keyId: id, at, data: { reason, note: note ?? null } });
      return { row: { ...current, ...revoked } };
    });
    return this.view(row);
  }

  async rotate(id: string, options: { graceSeconds?: number | undefined; scope?: Scope | undefined }, actor: Actor): Promise<RotatedKey> {
    const result = await this.change(async (trx) => {
      const outcome = await rotateKey(this, trx, id, options, actor, this.now());
      return { ...outcome, row: outcome.previous };
    });
    return { key: this.view(result.successor), secret: result.secret, previous: this.view(result.previous) };
  }

  /** Shortens an active key's life to `graceSeconds` from now; an earlier expiry it has stays. */
  async scheduleExpiry(id: string, graceSeconds: number, actor: Actor): Promise<ApiKey> {
    const now = this.now();
    const at = now.toISOString();
    const { row } = await this.change(async (trx) => {
      const current = await this.requireRow(trx, id, true);
      const status = statusOf(current, at);
      if (status !== "active") throw new ApiError("conflict", `API key ${id} is ${status}: only an active key can be given an expiry.`);
      const requested = new Date(now.getTime() + graceSeconds * 1000).toISOString();
      const expiresAt = current.expires_at !== null && current.expires_at < requested ? current.expires_at : requested;
      await trx.updateTable("api_keys").set({ expires_at: expiresAt }).where("id", "=", id).execute();
      await appendAuditEvent(trx, { type: "key.expiry_scheduled", actor: actor.id, keyId: id, at, data: { graceSeconds, expiresAt } });
      return { row: { ...current, expires_at: expiresAt } };
    });
    return this.view(row);
  }

  /**
   * Runs a change to one key: in a transaction that raises the change counter, then forgets the
   * key's cached row here before the change is answered.
   */
  private async change<T extends { row: KeyRow }>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const result = await this.db.transaction().execute(async (trx) => {
      const outcome = await work(trx);
      await this.changes.bump(trx);
      return outcome;
    });
    this.authCache.forget(result.row.secret_sha256);
    return result;
  }

  async lookup(hashes: string[]): Promise<{ sha256: string; key: ApiKey }[]> {
    if (hashes.length === 0) return [];
    const rows = await this.db.selectFrom("api_keys").selectAll().where("secret_sha256", "in", [...new Set(hashes)]).execute();
    return rows.map((row) => ({ sha256: row.secret_sha256, key: this.view(row) }));
  }

  /** The verified key behind a credential hash, from memory (no database round trip), if cached and trusted. */
  cachedForAuth(secretSha256: string): CachedKey | undefined {
    return this.authCache.peek(secretSha256);
  }

  /** The key behind a credential hash, read from the database (and cached). */
  loadForAuth(secretSha256: string): Promise<CachedKey | undefined> {
    return this.authCache.load(secretSha256, this.readForAuth);
  }

  private readonly readForAuth = (sha256: string) => this.db.selectFrom("api_keys").selectAll().where("secret_sha256", "=", sha256).executeTakeFirst();

  /**
   * Writes a `key.expired` event for every key whose expiry passed since the last call. Several
   * processes may run this at once: only the one whose update marks the key writes the event.
   */
  async recordExpiries(): Promise<number> {
    const at = this.now().toISOString();
    const due = await this.db
      .selectFrom("api_keys")
      .select(["id", "expires_at"])
      .where("expiry_recorded", "=", 0)
      .where("revoked_at", "is", null)
      .where("expires_at", "<=", at)
      .orderBy("expires_at")
      .limit(500)
      .execute();
    let recorded = 0;
    for (const key of due) {
      await this.db.transaction().execute(async (trx) => {
        const marked = await trx.updateTable("api_keys").set({ expiry_recorded: 1 }).where("id", "=", key.id).where("expiry_recorded", "=", 0).executeTakeFirst();
        if (Number(marked.numUpdatedRows) === 0) return;
        await appendAuditEvent(trx, { type: "key.expired", actor: "system", keyId: key.id, at, data: { expiresAt: key.expires_at } });
        recorded++;
      });
    }
    return recorded;
  }
}
