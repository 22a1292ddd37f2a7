/**
 * Vitest global setup: starts one throw-away PostgreSQL for the whole run when the run includes
 * server or fault tests (every server test runs on SQLite and on PostgreSQL), and stops it after.
 * Without PostgreSQL installed the PostgreSQL variants are skipped, and say so; in CI
 * (CI=true) a missing PostgreSQL fails the run instead.
 */
import type { TestProject } from "vitest/node";
import { findPostgresBin, startPostgres, type PostgresCluster } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { adminUrl: string; dataDir: string } | null;
  }
}

function runNeedsPostgres(): boolean {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith("-") && arg !== "run" && !arg.endsWith("vitest") && !arg.endsWith("vitest.mjs"));
  return filters.length === 0 || filters.some((filter) => /server|fault|postgres/.test(filter));
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (!runNeedsPostgres() || process.env.KEYWARD_TEST_POSTGRES === "off") {
    project.provide("postgres", null);
    return undefined;
  }
  if (!findPostgresBin()) {
    if (process.env.CI) throw new Error("CI needs PostgreSQL for the server tests: .ci/run installs Debian's postgresql.");
    console.warn("[postgres] not installed: the PostgreSQL variants of the server tests are skipped (apt-get install postgresql).");
    project.provide("postgres", null);
    return undefined;
  }
  const cluster: PostgresCluster = await startPostgres();
  project.provide("postgres", { adminUrl: cluster.adminUrl, dataDir: cluster.dataDir });
  return () => cluster.destroy();
}
