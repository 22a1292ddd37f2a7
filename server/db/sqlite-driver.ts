/**
 * Opens a SQLite file with better-sqlite3 (a native module built for Node's ABI), or with Node's
 * built-in `node:sqlite` where better-sqlite3 cannot load: inside Electron, whose ABI differs, so the
 * desktop app's local workspace runs with no native rebuild. `KEYWARD_SQLITE_DRIVER=node` forces the
 * built-in driver (tests use it to check that path on the Node version Electron ships).
 */
import { createRequire } from "node:module";
import type { SqliteDatabase, SqliteStatement } from "kysely";

// Not named `require`: bundlers declare their own in ES-module output.
const requireModule = createRequire(import.meta.url);

export type SqliteDriverName = "better-sqlite3" | "node:sqlite";

export interface OpenedSqlite {
  database: SqliteDatabase;
  driver: SqliteDriverName;
  exec(sql: string): void;
}

export function openSqliteFile(file: string): OpenedSqlite {
  if (process.env.KEYWARD_SQLITE_DRIVER !== "node") {
    try {
      const BetterSqlite = requireModule("better-sqlite3") as typeof import("better-sqlite3");
      const database = new BetterSqlite(file);
      return { database, driver: "better-sqlite3", exec: (sql) => database.exec(sql) };
    } catch (error) {
      if (!hasBuiltInSqlite()) throw error;
    }
  }
  return openWithNodeSqlite(file);
}

function hasBuiltInSqlite(): boolean {
  try {
    requireModule("node:sqlite");
    return true;
  } catch {
    return false;
  }
}

interface NodeStatement {
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate?(...parameters: unknown[]): IterableIterator<unknown>;
}

interface NodeDatabase {
  prepare(sql: string): NodeStatement;
  exec(sql: string): void;
  close(): void;
}

// Statements that answer rows: Kysely reads them with all()/iterate() and the others with run().
const READER = /^\s*(select|pragma|with|values|explain)\b|\breturning\b/i;

function openWithNodeSqlite(file: string): OpenedSqlite {
  const { DatabaseSync } = requireModule("node:sqlite") as { DatabaseSync: new (path: string) => NodeDatabase };
  const native = new DatabaseSync(file);
  const database: SqliteDatabase = {
    close: () => native.close(),
    prepare(sql: string): SqliteStatement {
      const statement = native.prepare(sql);
      return {
        reader: READER.test(sql),
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        iterate: (parameters) => (statement.iterate ? statement.iterate(...parameters) : statement.all(...parameters)[Symbol.iterator]()),
      };
    },
  };
  return { database, driver: "node:sqlite", exec: (sql) => native.exec(sql) };
}
