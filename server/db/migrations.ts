/**
 * Schema migrations, run in order at start. Each is written with Kysely's schema builder so that it
 * runs on SQLite and PostgreSQL alike. Never edit a migration that has shipped: add a new one.
 */
import type { Kysely, Migration } from "kysely";

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
};
