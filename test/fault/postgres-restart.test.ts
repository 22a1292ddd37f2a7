import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/connect";
import { createDatabase, findPostgresBin, startPostgres, type PostgresCluster } from "../support/postgres";
import { tempDir } from "../support/test-server";
import { callJson, mintAdminToken, startServerProcess } from "../support/server-process";
import { sleep, startLoad } from "./load";

// Its own cluster: restarting the run's shared one would disturb the other test files.
let cluster: PostgresCluster | null = null;
beforeAll(async () => {
  if (findPostgresBin()) cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.destroy());

describe.skipIf(!findPostgresBin())("PostgreSQL restarted under load", () => {
  it("answers 503 while the database is down (no 500, no hang) and recovers with no manual step", { timeout: 90_000 }, async () => {
    const target = { kind: "postgres" as const, dataDir: tempDir("pg-restart"), databaseUrl: await createDatabase(cluster!.adminUrl, "restart") };
    const admin = await mintAdminToken(target);
    const server = await startServerProcess(target, ["--quiet"]);
    try {
      const { key, secret } = (await callJson(`${server.url}/v1/api-keys`, admin, "POST", { name: "steady", scope: "write" })).body;
      // /v1/feedback reads the database on every request; /v1/whoami is answered from the key cache.
      const load = startLoad([`${server.url}/v1/feedback`, `${server.url}/v1/whoami`], { authorization: `Bearer ${secret}` }, { loopsPerUrl: 4, maxMs: 60_000 });
      await sleep(700);
      cluster!.stop();
      const downAt = Date.now();
      await sleep(2500);
      const upAt = Date.now();
      cluster!.start();
      // Recovery, with no step but waiting: every route answers 200 again.
      await expect.poll(async () => (await callJson(`${server.url}/v1/feedback`, secret)).status, { timeout: 20_000, interval: 200 }).toBe(200);
      await sleep(500);
      const outcomes = await load.stop();
      expect(outcomes.filter((outcome) => outcome.timedOut)).toEqual([]);
      expect(outcomes.filter((outcome) => outcome.status !== 200 && outcome.status !== 503)).toEqual([]);
      const whileDown = outcomes.filter((outcome) => outcome.sentAt > downAt + 1200 && outcome.doneAt < upAt);
      // The database reads fail with 503, and so do cached keys once the cache cannot be checked (after one second).
      expect(whileDown.length).toBeGreaterThan(10);
      expect(whileDown.filter((outcome) => outcome.status !== 503)).toEqual([]);
      expect(outcomes.at(-1)!.status).toBe(200);
      // Writes work again too.
      const created = await callJson(`${server.url}/v1/feedback`, secret, "POST", { title: "after the restart" });
      expect(created.status).toBe(201);
      expect(await server.stop("SIGTERM"), server.stderr()).toBe(0);
      // Usage counted through the outage was written once the database was back: nothing lost.
      const { db } = await openDatabase(target);
      try {
        const row = await db.selectFrom("usage_daily").select((eb) => eb.fn.sum<number>("requests").as("n")).where("key_id", "=", key.id).executeTakeFirst();
        expect(Number(row?.n)).toBeGreaterThanOrEqual(outcomes.filter((outcome) => outcome.status === 200).length + 1);
      } finally {
        await db.destroy();
      }
    } finally {
      await server.stop("SIGTERM");
    }
  });
});
