/**
 * Opens the workspace database and brings its schema up to date before anything else runs:
 * PostgreSQL when a `postgres://` URL is given (`DATABASE_URL`), otherwise SQLite in the data folder.
 */
import { Migrator, type Kysely } from "kysely";
import { MIGRATIONS } from "./migrations";
import { isPostgresUrl, openPostgresDb } from "./postgres";
import type { Database } from "./schema";
import { openSqliteDb, SQLITE_FILE_NAME } from "./sqlite";
import type { SqliteDriverName } from "./sqlite-driver";
import type pg from "pg";

export { SQLITE_FILE_NAME };

export type DatabaseKind = "sqlite" | "postgres";

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  driver: SqliteDriverName | "pg";
  /** Where the data lives, for messages (a PostgreSQL URL without its password). */
  location: string;
  /** PostgreSQL only: a dedicated connection for LISTEN. */
  connectListener?: () => Promise<pg.Client>;
}

export interface DatabaseTarget {
  /** The SQLite folder; also where the audit signing key lives. */
  dataDir: string;
  /** A postgres:// URL; when set, the data is in PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  onError?: (error: Error) => void;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  let opened: OpenedDatabase;
  if (target.databaseUrl !== undefined && target.databaseUrl !== "") {
    if (!isPostgresUrl(target.databaseUrl)) throw new Error("DATABASE_URL must be a postgres:// (or postgresql://) URL.");
    const pgDb = openPostgresDb(target.databaseUrl, target.onError ? { onError: target.onError } : {});
    opened = { db: pgDb.db, kind: "postgres", driver: "pg", location: pgDb.location, connectListener: pgDb.connectListener };
  } else {
    const sqlite = openSqliteDb(target.dataDir);
    opened = { db: sqlite.db, kind: "sqlite", driver: sqlite.driver, location: sqlite.file };
  }
  try {
    await migrate(opened.db);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return opened;
}

/** SQLite in `dataDir` (kept for callers that never use PostgreSQL). */
export function openSqlite(dataDir: string): Promise<OpenedDatabase> {
  return openDatabase({ dataDir });
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${reason}`);
  }
}
