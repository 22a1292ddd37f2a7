import { sql } from "kysely";
import { describe, expect } from "vitest";
import { openDatabase } from "../../server/db/connect";
import type { AuditEvent } from "../../shared/api/schemas";
import { expectOneChain } from "../support/audit-chain-check";
import { eachDatabase, it, type DatabaseTarget } from "../support/server-fixtures";
import { callJson, mintAdminToken, startServerProcess } from "../support/server-process";
import { sleep, startLoad } from "./load";

// Usage is written every second: a crash may lose what was counted since the last write, and the
// write itself takes a moment under load. Requests answered earlier than this before a SIGKILL must be counted.
const FLUSH_MS = 1000;
const WRITE_MARGIN_MS = 250;

async function storedRequests(target: DatabaseTarget, keyId: string): Promise<number> {
  const { db } = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  try {
    const row = await db.selectFrom("usage_daily").select((eb) => eb.fn.sum<number>("requests").as("n")).where("key_id", "=", keyId).executeTakeFirst();
    return Number(row?.n ?? 0);
  } finally {
    await db.destroy();
  }
}

async function loadedServer(target: DatabaseTarget) {
  const admin = await mintAdminToken(target);
  const server = await startServerProcess(target, ["--quiet"]);
  const { key, secret } = (await callJson(`${server.url}/v1/api-keys`, admin, "POST", { name: "under load", scope: "read" })).body;
  const load = startLoad([`${server.url}/v1/whoami`], { authorization: `Bearer ${secret}` }, { loopsPerUrl: 12, maxMs: 60_000 });
  // Under load for real, however slow this machine is today: 200 answers, then past a whole write interval.
  await expect.poll(() => load.outcomes.filter((outcome) => outcome.status === 200).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(200);
  await sleep(FLUSH_MS + WRITE_MARGIN_MS + 300);
  return { admin, server, key, load };
}

eachDatabase(() => {
  describe("a server process stopped under load", () => {
    it("SIGTERM: every accepted request is counted", { timeout: 90_000 }, async ({ target }) => {
      const { server, key, load } = await loadedServer(target);
      expect(await server.stop("SIGTERM"), server.stderr()).toBe(0);
      const outcomes = await load.stop();
      const accepted = outcomes.filter((outcome) => outcome.status === 200).length;
      const unanswered = outcomes.filter((outcome) => outcome.status === 0).length;
      expect(accepted).toBeGreaterThanOrEqual(200);
      expect(outcomes.filter((outcome) => outcome.timedOut)).toEqual([]);
      expect(outcomes.every((outcome) => [0, 200, 503].includes(outcome.status))).toBe(true);
      const stored = await storedRequests(target, key.id);
      // A request cut off by the closing connection may have been counted without its answer arriving.
      expect(stored).toBeGreaterThanOrEqual(accepted);
      expect(stored).toBeLessThanOrEqual(accepted + unanswered);
    });

    it("SIGKILL: at most the last second of usage is lost, the data stays consistent, and the server restarts cleanly", { timeout: 90_000 }, async ({ target }) => {
      const { admin, server, key, load } = await loadedServer(target);
      // Changes and refusals in flight too, so the audit chain is being written when the process dies.
      const writes = Array.from({ length: 10 }, (_, i) => callJson(`${server.url}/v1/api-keys`, admin, "POST", { name: `k${i}`, scope: "read" }).catch(() => null));
      await sleep(300);
      const killedAt = Date.now();
      expect(await server.stop("SIGKILL")).toBeNull();
      const outcomes = await load.stop();
      await Promise.all(writes);
      const accepted = outcomes.filter((outcome) => outcome.status === 200);
      const surely = accepted.filter((outcome) => outcome.doneAt < killedAt - FLUSH_MS - WRITE_MARGIN_MS).length;
      expect(surely).toBeGreaterThanOrEqual(200);
      const stored = await storedRequests(target, key.id);
      expect(stored).toBeGreaterThanOrEqual(surely);
      expect(stored).toBeLessThanOrEqual(outcomes.length); // never more than was sent

      const restarted = await startServerProcess(target, ["--quiet"]);
      try {
        const events = (await callJson(`${restarted.url}/v1/audit-events?limit=1000`, admin)).body.events as AuditEvent[];
        expectOneChain(events);
        const listed = (await callJson(`${restarted.url}/v1/api-keys?limit=1000`, admin)).body.keys as { id: string }[];
        const created = events.filter((event) => event.type === "key.created").map((event) => event.keyId);
        expect(listed.map((listedKey) => listedKey.id).sort()).toEqual([...created].sort()); // every key has its event, and only those
        expect((await callJson(`${restarted.url}/v1/whoami`, (await callJson(`${restarted.url}/v1/api-keys`, admin, "POST", { name: "after", scope: "read" })).body.secret)).status).toBe(200);
      } finally {
        expect(await restarted.stop("SIGTERM"), restarted.stderr()).toBe(0);
      }
      if (target.kind === "sqlite") {
        const { db } = await openDatabase({ dataDir: target.dataDir });
        try {
          const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
          expect(check.rows).toEqual([{ integrity_check: "ok" }]);
        } finally {
          await db.destroy();
        }
      }
    });
  });
});
