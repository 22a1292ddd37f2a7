/**
 * `npm run bench -- server`: what Keyward's request path costs. autocannon on loopback, in one run
 * and with the same settings for every target, rounds alternating so drift hits all alike:
 * - `GET /v1/feedback` with a valid key (authentication, usage tracking, request log) against the same
 *   handler on the same server without authentication: `auth-overhead-ratio`;
 * - `GET /v1/whoami` with a valid key against a bare Fastify route that answers the same JSON:
 *   `keyward-vs-bare-fastify`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAdminToken } from "../server/admin/admin-tokens";
import { openSqlite } from "../server/db/connect";
import { CONNECTIONS, describe, mean, post, run, startWorker, type Sample } from "./server-load";

const ROUNDS = 3;
const SECONDS = 4;

export async function benchServer(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bench-server-"));
  const { db } = await openSqlite(dataDir);
  const { token: adminToken } = await createAdminToken(db, "bench", new Date());
  await db.destroy();

  const keyward = await startWorker("./server-worker.ts", { dataDir, requestLogFile: path.join(dataDir, "requests.log") });
  const bare = await startWorker("./server-bare-worker.ts");
  try {
    const { url } = keyward;
    const { secret } = (await post(`${url}/v1/api-keys`, adminToken, { name: "bench", scope: "write" })) as { secret: string };
    for (let i = 0; i < 20; i++) await post(`${url}/v1/feedback`, secret, { title: `Feedback ${i}`, body: "A short body, as feedback has." });

    const auth = { authorization: `Bearer ${secret}` };
    const targets = {
      feedback: () => run(`${url}/v1/feedback`, auth, SECONDS),
      baseline: () => run(`${url}/bench/v1/feedback`, {}, SECONDS),
      whoami: () => run(`${url}/v1/whoami`, auth, SECONDS),
      bare: () => run(`${bare.url}/v1/whoami`, auth, SECONDS),
    };
    for (const target of [`${url}/v1/feedback`, `${url}/bench/v1/feedback`, `${url}/v1/whoami`, `${bare.url}/v1/whoami`]) await run(target, auth, 1); // warm-up
    const samples: Record<keyof typeof targets, Sample[]> = { feedback: [], baseline: [], whoami: [], bare: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) samples[name].push(await targets[name]());
    }
    const ratio = (a: Sample[], b: Sample[]) => (mean(a, (s) => s.rps) / mean(b, (s) => s.rps)).toFixed(3);
    console.log(`server: ${ROUNDS} rounds of ${SECONDS} s per target, ${CONNECTIONS} connections, request log on, SQLite`);
    console.log(describe("GET /v1/feedback, no auth:", samples.baseline));
    console.log(describe("GET /v1/feedback, key + usage + log:", samples.feedback));
    console.log(describe("GET /v1/whoami, Keyward:", samples.whoami));
    console.log(describe("GET /v1/whoami, bare Fastify:", samples.bare));
    console.log(`auth-overhead-ratio: ${ratio(samples.feedback, samples.baseline)}`);
    console.log(`keyward-vs-bare-fastify: ${ratio(samples.whoami, samples.bare)}`);
  } finally {
    await keyward.close();
    await bare.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
