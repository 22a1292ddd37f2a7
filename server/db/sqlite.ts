/**
 * SQLite (the default): one file in the data folder, WAL mode. Several server processes may share
 * the folder, so every write transaction starts with BEGIN IMMEDIATE: it takes the write lock
 * before it reads, so a read-then-write (the audit chain's head, a key's state) cannot interleave
 * with another process's and fail or fork; `busy_timeout` makes the others wait for it. Migrations
 * hold the same lock while they run.
 */
import fs from "node:fs";
import path from "node:path";
import { CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, SqliteDriver, sql, type DialectAdapter, type DatabaseConnection, type Driver } from "kysely";
import type { Database } from "./schema";
import { openSqliteFile, type SqliteDriverName } from "./sqlite-driver";

export const SQLITE_FILE_NAME = "keyward.sqlite";

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** Migrations run inside one write transaction, so two processes starting at once apply them once. */
class LockingSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`begin immediate`.execute(db);
  }
  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`commit`.execute(db);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter();
  }
}

export interface OpenedSqliteDb {
  db: Kysely<Database>;
  driver: SqliteDriverName;
  file: string;
}

export function openSqliteDb(dataDir: string): OpenedSqliteDb {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const sqlite = openSqliteFile(file);
  // Another process may hold the write lock (or be switching the journal mode): wait for it.
  sqlite.exec("PRAGMA busy_timeout = 5000");
  // WAL lets readers run beside the writer; NORMAL is durable across process crashes in WAL mode.
  sqlite.exec("PRAGMA journal_mode = WAL");
  sqlite.exec("PRAGMA synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite.database }) });
  return { db, driver: sqlite.driver, file };
}
