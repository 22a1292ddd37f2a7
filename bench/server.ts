/**
 * `npm run bench -- server`: what authentication (with usage tracking) costs. autocannon on
 * loopback drives `GET /v1/feedback` with a valid key and, as the baseline, the same handler on the
 * same server with authentication off; rounds alternate so drift hits both alike.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { createAdminToken } from "../server/admin/admin-tokens";
import { openSqlite } from "../server/db/connect";

const ROUNDS = 3;
const SECONDS = 4;
const CONNECTIONS = 16;

interface Sample {
  rps: number;
  p99: number;
}

function run(url: string, headers: Record<string, string>, duration: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors from ${url}`));
      resolve({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}

async function post(url: string, token: string, body: unknown): Promise<unknown> {
  const answer = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

const mean = (samples: Sample[], pick: (sample: Sample) => number) => samples.reduce((sum, sample) => sum + pick(sample), 0) / samples.length;

export async function benchServer(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bench-server-"));
  const { db } = await openSqlite(dataDir);
  const { token: adminToken } = await createAdminToken(db, "bench", new Date());
  await db.destroy();

  const worker = new Worker(new URL("./server-worker-entry.mjs", import.meta.url), { workerData: { dataDir } });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  try {
    const { secret } = (await post(`${url}/v1/api-keys`, adminToken, { name: "bench", scope: "write" })) as { secret: string };
    for (let i = 0; i < 20; i++) await post(`${url}/v1/feedback`, secret, { title: `Feedback ${i}`, body: "A short body, as feedback has." });

    const authed = { url: `${url}/v1/feedback`, headers: { authorization: `Bearer ${secret}` } };
    const baseline = { url: `${url}/bench/v1/feedback`, headers: {} };
    await run(authed.url, authed.headers, 1); // warm-up
    await run(baseline.url, baseline.headers, 1);
    const withAuth: Sample[] = [];
    const without: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      without.push(await run(baseline.url, baseline.headers, SECONDS));
      withAuth.push(await run(authed.url, authed.headers, SECONDS));
    }
    const baseRps = mean(without, (s) => s.rps);
    const authRps = mean(withAuth, (s) => s.rps);
    console.log(`server: ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, GET /v1/feedback (20 items)`);
    console.log(`baseline (no auth):      ${baseRps.toFixed(0)} req/s, p99 ${mean(without, (s) => s.p99).toFixed(1)} ms`);
    console.log(`authenticated + usage:   ${authRps.toFixed(0)} req/s, p99 ${mean(withAuth, (s) => s.p99).toFixed(1)} ms`);
    console.log(`auth-overhead-ratio: ${(authRps / baseRps).toFixed(3)}`);
  } finally {
    worker.postMessage("close");
    await new Promise((resolve) => worker.once("message", resolve));
    await worker.terminate();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
