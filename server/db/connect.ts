/** Opens the workspace database and brings its schema up to date before anything else runs. */
import fs from "node:fs";
import path from "node:path";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { MIGRATIONS } from "./migrations";
import type { Database } from "./schema";
import { openSqliteFile, type SqliteDriverName } from "./sqlite-driver";

export const SQLITE_FILE_NAME = "keyward.sqlite";

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: "sqlite";
  driver: SqliteDriverName;
  /** Where the data lives, for messages. */
  location: string;
}

export async function openSqlite(dataDir: string): Promise<OpenedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const sqlite = openSqliteFile(file);
  // WAL lets readers run beside the writer; NORMAL is durable across process crashes in WAL mode.
  sqlite.exec("PRAGMA journal_mode = WAL");
  sqlite.exec("PRAGMA synchronous = NORMAL");
  sqlite.exec("PRAGMA busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite.database }) });
  await migrate(db);
  return { db, kind: "sqlite", driver: sqlite.driver, location: file };
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
