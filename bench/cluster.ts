/**
 * `npm run bench -- cluster`: two server processes on one PostgreSQL database against one process
 * on SQLite, in the same run, with the same autocannon settings (`GET /v1/whoami` with a valid key:
 * authentication, usage tracking, request log). autocannon spreads its connections over both
 * processes directly. A throw-away PostgreSQL is started for the run (Debian's binaries). After the
 * run every process is stopped with SIGTERM and the usage they wrote is checked against the 2xx
 * answers autocannon counted, so the figure is also a check that nothing was lost. Prints requests/s
 * and p99 for each, and last `cluster-vs-single-ratio: X`. On a two-core machine shared with the
 * load generator, X near 1 is what to expect: the point is that nothing is lost or inconsistent.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createAdminToken } from "../server/admin/admin-tokens";
import { openDatabase } from "../server/db/connect";
import { createDatabase, startPostgres } from "../test/support/postgres";
import { CONNECTIONS, post } from "./server-load";

const ROUNDS = 3;
const SECONDS = 4;
const CLI = path.resolve(import.meta.dirname, "../cli/keyward.ts");

interface Target {
  dataDir: string;
  databaseUrl?: string;
}

interface Running {
  url: string;
  stop(): Promise<number | null>;
}

async function startProcess(target: Target, logFile: string): Promise<Running> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(process.execPath, ["--no-warnings", "--import", "tsx", CLI, "server", "--port", "0", "--data", target.dataDir], { env, stdio: ["ignore", log, "pipe"] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`keyward server exited (${code}): ${stderr}`)));
  });
  return {
    url,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

function load(urls: string[], secret: string): Promise<{ rps: number; p99: number; ok: number }> {
  return new Promise((resolve, reject) => {
    // autocannon spreads connections over several URLs; its types know only one.
    const url = urls.map((base) => `${base}/v1/whoami`) as unknown as string;
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { authorization: `Bearer ${secret}` } }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`));
      resolve({ rps: result.requests.average, p99: result.latency.p99, ok: result["2xx"] });
    });
  });
}

async function prepare(target: Target): Promise<string> {
  const { db } = await openDatabase(target);
  try {
    return (await createAdminToken(db, "bench", new Date())).token;
  } finally {
    await db.destroy();
  }
}

async function countedRequests(target: Target, keyId: string): Promise<number> {
  const { db } = await openDatabase(target);
  try {
    const row = await db.selectFrom("usage_daily").select((eb) => eb.fn.sum<number>("requests").as("n")).where("key_id", "=", keyId).executeTakeFirst();
    return Number(row?.n ?? 0);
  } finally {
    await db.destroy();
  }
}

export async function benchCluster(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bench-cluster-"));
  const postgres = await startPostgres();
  const started: Running[] = [];
  const start = async (target: Target, log: string) => {
    const running = await startProcess(target, path.join(root, log));
    started.push(running);
    return running;
  };
  try {
    const single: Target = { dataDir: path.join(root, "sqlite") };
    const cluster: Target = { dataDir: path.join(root, "pg"), databaseUrl: await createDatabase(postgres.adminUrl, "bench") };
    const tokens = { single: await prepare(single), cluster: await prepare(cluster) };
    const sqliteServer = await start(single, "sqlite.log");
    // One after the other: the first makes the workspace's signing key, the second loads it.
    const pgServers = [await start(cluster, "pg-a.log"), await start(cluster, "pg-b.log")];
    const singleKey = (await post(`${sqliteServer.url}/v1/api-keys`, tokens.single, { name: "bench", scope: "read" })) as { key: { id: string }; secret: string };
    const clusterKey = (await post(`${pgServers[0]!.url}/v1/api-keys`, tokens.cluster, { name: "bench", scope: "read" })) as { key: { id: string }; secret: string };
    const runs = { single: [] as { rps: number; p99: number; ok: number }[], cluster: [] as { rps: number; p99: number; ok: number }[] };
    // Warm-up rounds: counted in usage like the others.
    const warmup = { single: (await load([sqliteServer.url], singleKey.secret)).ok, cluster: (await load(pgServers.map((server) => server.url), clusterKey.secret)).ok };
    for (let round = 0; round < ROUNDS; round++) {
      runs.single.push(await load([sqliteServer.url], singleKey.secret));
      runs.cluster.push(await load(pgServers.map((server) => server.url), clusterKey.secret));
    }
    await Promise.all(started.splice(0).map((server) => server.stop()));
    const mean = (samples: { rps: number; p99: number }[], pick: (s: { rps: number; p99: number }) => number) => samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
    const answered = { single: warmup.single + runs.single.reduce((sum, s) => sum + s.ok, 0), cluster: warmup.cluster + runs.cluster.reduce((sum, s) => sum + s.ok, 0) };
    const counted = { single: await countedRequests(single, singleKey.key.id), cluster: await countedRequests(cluster, clusterKey.key.id) };
    console.log(`cluster: ${ROUNDS} rounds of ${SECONDS} s each, ${CONNECTIONS} connections, GET /v1/whoami with a key, request log on`);
    console.log(`1 process, SQLite:                ${mean(runs.single, (s) => s.rps).toFixed(0)} req/s, p99 ${mean(runs.single, (s) => s.p99).toFixed(1)} ms`);
    console.log(`2 processes, PostgreSQL (direct): ${mean(runs.cluster, (s) => s.rps).toFixed(0)} req/s, p99 ${mean(runs.cluster, (s) => s.p99).toFixed(1)} ms`);
    // autocannon does not count the requests still in flight when a run ends (at most one per connection); the server does.
    const inFlight = CONNECTIONS * (ROUNDS + 1);
    console.log(`usage counted after SIGTERM / 2xx counted by autocannon: SQLite ${counted.single} / ${answered.single}, PostgreSQL ${counted.cluster} / ${answered.cluster} (up to ${inFlight} more in flight at the end of runs)`);
    for (const kind of ["single", "cluster"] as const) {
      const extra = counted[kind] - answered[kind];
      if (extra < 0 || extra > inFlight) console.log(`cluster: WARNING: ${kind} usage is off by ${extra}`);
    }
    console.log(`cluster-vs-single-ratio: ${(mean(runs.cluster, (s) => s.rps) / mean(runs.single, (s) => s.rps)).toFixed(3)}`);
  } finally {
    await Promise.all(started.map((server) => server.stop()));
    postgres.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
