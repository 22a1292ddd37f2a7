/**
 * PostgreSQL, for several server processes on one database (`DATABASE_URL=postgres://...`): a
 * pooled `pg` client under the same Kysely code and migrations as SQLite. Connections fail fast
 * when the database is away (the request gets 503, never a hang), and an idle connection the
 * database drops is replaced, never fatal. The URL's password is never printed.
 */
import pg from "pg";
import { Kysely, PostgresDialect } from "kysely";
import type { Database } from "./schema";

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// count(*) and sum() answer int8/numeric, which pg gives as strings; our counts fit in a double.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID || oid === NUMERIC_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Pool size per process; the database's max_connections must cover every process's pool. */
  maxConnections?: number;
  onError?: (error: Error) => void;
}

export interface OpenedPostgresDb {
  db: Kysely<Database>;
  pool: pg.Pool;
  /** A dedicated connection (outside the pool) for LISTEN. */
  connectListener(): Promise<pg.Client>;
  location: string;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export function openPostgresDb(url: string, options: PostgresOptions = {}): OpenedPostgresDb {
  const settings: pg.PoolConfig = {
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    // A statement that runs this long means the database is in trouble: fail it rather than hang.
    statement_timeout: 10_000,
    query_timeout: 12_000,
    types,
  };
  const pool = new pg.Pool(settings);
  // A connection that dies emits "error" on its client. The pool listens only while the client is
  // idle; one that dies while in use would end the process, so every client gets a listener of its
  // own (the query in flight fails by itself, and the pool replaces the client).
  pool.on("error", (error) => options.onError?.(error));
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    location: redactUrl(url),
    async connectListener() {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000, types });
      client.on("error", (error) => options.onError?.(error));
      await client.connect();
      return client;
    },
  };
}
