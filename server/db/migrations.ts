/**
 * Schema migrations, run in order at start. Each is written with Kysely's schema builder so that it
 * runs on SQLite and PostgreSQL alike (tests run every server test on both). Never edit a migration
 * that has shipped: add a new one.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from "kysely";

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-26-001-initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("api_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("environment", "text", (c) => c.notNull())
        .addColumn("display", "text", (c) => c.notNull())
        .addColumn("secret_sha256", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("expires_at", "text")
        .addColumn("revoked_at", "text")
        .addColumn("revoked_reason", "text")
        .addColumn("revoke_note", "text")
        .addColumn("replaces_id", "text")
        .addColumn("replaced_by_id", "text")
        .addColumn("last_used_at", "text")
        .addColumn("last_used_ip", "text")
        .addColumn("last_used_user_agent", "text")
        .addColumn("expiry_recorded", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("api_keys_created").on("api_keys").columns(["created_at", "id"]).execute();
      await db.schema.createIndex("api_keys_expiry").on("api_keys").columns(["expiry_recorded", "expires_at"]).execute();

      await db.schema
        .createTable("admin_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("display", "text", (c) => c.notNull())
        .addColumn("secret_sha256", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();

      await db.schema
        .createTable("usage_daily")
        .addColumn("key_id", "text", (c) => c.notNull())
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("requests", "integer", (c) => c.notNull())
        .addColumn("denied", "integer", (c) => c.notNull())
        .addColumn("reads", "integer", (c) => c.notNull())
        .addColumn("writes", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("usage_daily_pk", ["key_id", "date"])
        .execute();

      await db.schema
        .createTable("usage_clients")
        .addColumn("key_id", "text", (c) => c.notNull())
        .addColumn("ip", "text", (c) => c.notNull())
        .addColumn("user_agent", "text", (c) => c.notNull())
        .addColumn("first_seen_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("requests", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("usage_clients_pk", ["key_id", "ip", "user_agent"])
        .execute();

      await db.schema
        .createTable("audit_events")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("key_id", "text")
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("records")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("fields", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("records_kind_created").on("records").columns(["kind", "created_at", "id"]).execute();

      await db.schema
        .createTable("meta")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  },
  "2026-11-30-002-usage-detail-and-changes": {
    async up(db: Kysely<unknown>) {
      // Who made and ended a key, and the times monitoring needs (each kept as the latest, not per request).
      for (const column of [
        "created_by_token_id",
        "revoked_by",
        "last_refused_at",
        "last_refused_reason",
        "last_read_at",
        "last_write_at",
        "last_settings_at",
        "previous_use_at",
      ]) {
        await db.schema.alterTable("api_keys").addColumn(column, "text").execute();
      }
      await db.schema.alterTable("usage_daily").addColumn("settings", "integer", (c) => c.notNull().defaultTo(0)).execute();

      // Refused requests per key, day and reason: a rollup, never a row per request.
      await db.schema
        .createTable("usage_refusals")
        .addColumn("key_id", "text", (c) => c.notNull())
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("last_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("usage_refusals_pk", ["key_id", "date", "reason"])
        .execute();
      await db.schema.createIndex("usage_refusals_date").on("usage_refusals").columns(["date"]).execute();
      await db.schema.createIndex("usage_clients_last_seen").on("usage_clients").columns(["last_seen_at"]).execute();
      await db.schema.createIndex("audit_events_key").on("audit_events").columns(["key_id", "seq"]).execute();
      await db.schema.createIndex("audit_events_type").on("audit_events").columns(["type", "seq"]).execute();

      // One counter that every change to a key's state raises in the same transaction: each server
      // process polls it and drops its cached keys when it moves (several processes, one workspace).
      await db.schema
        .createTable("key_changes")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("generation", "integer", (c) => c.notNull())
        .execute();
      await sql`insert into key_changes (id, generation) values (1, 0)`.execute(db);

      if (isPostgres(db)) {
        // Ids and creation times order the lists; compare them byte by byte as SQLite does, not by
        // the database's locale (which would sort "a" before "B" and break base-62 order).
        for (const table of ["api_keys", "records"]) {
          await sql`alter table ${sql.table(table)} alter column id type text collate "C", alter column created_at type text collate "C"`.execute(db);
        }
      }
    },
  },
  "2026-11-30-003-counts-64-bit": {
    // PostgreSQL's integer stops at 2^31 - 1: a client's running request count passes it in weeks
    // at a thousand requests a second, and then every usage write would fail. SQLite's integers are
    // 64-bit already. bigint reads back as a number (server/db/postgres.ts), exact up to 2^53.
    async up(db: Kysely<unknown>) {
      if (!isPostgres(db)) return;
      const columns: Record<string, string[]> = {
        usage_daily: ["requests", "denied", "reads", "writes", "settings"],
        usage_clients: ["requests"],
        usage_refusals: ["count"],
        audit_events: ["seq"],
        key_changes: ["generation"],
      };
      for (const [table, names] of Object.entries(columns)) {
        await sql`alter table ${sql.table(table)} ${sql.join(names.map((name) => sql`alter column ${sql.ref(name)} type bigint`))}`.execute(db);
      }
    },
  },
};
