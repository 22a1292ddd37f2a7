/**
 * Vitest fixtures for the server tests: `ws` is a real server on a loopback port with an admin token,
 * started before the test and stopped after it, on the database the suite runs on. Wrap a file's
 * tests in `eachDatabase(() => { ... })` to run them on SQLite and on PostgreSQL (a fresh database
 * in the run's throw-away cluster for every test); `it.override({ serverOptions })` changes options.
 */
import fs from "node:fs";
import { describe, inject, test } from "vitest";
import type { ServerOptions } from "../../server/app";
import { createDatabase } from "./postgres";
import { startWorkspace, tempDir, type TestWorkspace } from "./test-server";

export type DatabaseKind = "sqlite" | "postgres";
export const DATABASES: DatabaseKind[] = ["sqlite", "postgres"];

/** Where a test's data lives: a fresh SQLite folder, or a fresh PostgreSQL database. */
export interface DatabaseTarget {
  kind: DatabaseKind;
  dataDir: string;
  databaseUrl?: string;
}

export async function newDatabase(kind: DatabaseKind, label = "test"): Promise<DatabaseTarget> {
  const dataDir = tempDir(label);
  if (kind === "sqlite") return { kind, dataDir };
  const postgres = inject("postgres");
  if (!postgres) throw new Error("No PostgreSQL in this run (see test/support/postgres-global-setup.ts).");
  return { kind, dataDir, databaseUrl: await createDatabase(postgres.adminUrl, label) };
}

export const postgresAvailable = (): boolean => inject("postgres") !== null;

export const it = test.extend<{ database: DatabaseKind; serverOptions: Partial<ServerOptions>; target: DatabaseTarget; ws: TestWorkspace }>({
  database: "sqlite",
  serverOptions: {},
  target: async ({ database }, use) => {
    const target = await newDatabase(database);
    try {
      await use(target);
    } finally {
      // Its database goes with the run's throw-away PostgreSQL; the folder goes now.
      fs.rmSync(target.dataDir, { recursive: true, force: true });
    }
  },
  ws: async ({ target, serverOptions }, use) => {
    const ws = await startWorkspace({ ...serverOptions, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) }, target.dataDir);
    try {
      await use(ws);
    } finally {
      await ws.stop();
    }
  },
});

/** Runs the suite once per database; the PostgreSQL run is skipped, visibly, where none is installed. */
export function eachDatabase(suite: (database: DatabaseKind) => void): void {
  for (const database of DATABASES) {
    describe.skipIf(database === "postgres" && !postgresAvailable())(`on ${database}`, () => {
      it.override({ database });
      suite(database);
    });
  }
}
