import { afterEach, describe, expect } from "vitest";
import type { AuditEvent } from "../../../shared/api/schemas";
import { expectOneChain } from "../../support/audit-chain-check";
import { eachDatabase, it } from "../../support/server-fixtures";
import { callJson, mintAdminToken, startServerProcess, startServerProcesses, type ServerProcess } from "../../support/server-process";

// The contract: a change made through one server is seen by every other server within one second.
const WINDOW_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let running: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(running.map((server) => server.stop("SIGTERM")));
  running = [];
});

eachDatabase(() => {
  describe("several server processes on one database", () => {
    it("refuse a key revoked, expired or rotated away through another process within one second", { timeout: 90_000 }, async ({ target }) => {
      const admin = await mintAdminToken(target);
      const [a, b] = (running = await startServerProcesses(target, 2, ["--quiet"]));
      const make = async (name: string) => (await callJson(`${a!.url}/v1/api-keys`, admin, "POST", { name, scope: "read" })).body;
      const whoamiOnB = (secret: string) => callJson(`${b!.url}/v1/whoami`, secret);
      const revoked = await make("revoked through A");
      const expiring = await make("expired through A");
      const rotated = await make("rotated through A");
      const renamed = await make("renamed through A");
      // B has verified (and cached) every key.
      for (const key of [revoked, expiring, rotated, renamed]) {
        for (let i = 0; i < 3; i++) expect((await whoamiOnB(key.secret)).status).toBe(200);
      }
      expect((await callJson(`${a!.url}/v1/api-keys/${revoked.key.id}/revoke`, admin, "POST", { reason: "compromised" })).status).toBe(200);
      expect((await callJson(`${a!.url}/v1/api-keys/${expiring.key.id}/schedule-expiry`, admin, "POST", { graceSeconds: 0 })).status).toBe(200);
      const rotation = await callJson(`${a!.url}/v1/api-keys/${rotated.key.id}/rotate`, admin, "POST", { graceSeconds: 0 });
      expect(rotation.status).toBe(201);
      expect((await callJson(`${a!.url}/v1/api-keys/${renamed.key.id}`, admin, "PATCH", { name: "new name" })).status).toBe(200);
      // The successor works on B at once: nothing was cached for it.
      expect((await whoamiOnB(rotation.body.secret)).status).toBe(200);
      await sleep(WINDOW_MS);
      expect((await whoamiOnB(revoked.secret)).body.error.code).toBe("revoked_key");
      expect((await whoamiOnB(expiring.secret)).body.error.code).toBe("expired_key");
      expect((await whoamiOnB(rotated.secret)).body.error.code).toBe("expired_key");
      expect((await whoamiOnB(renamed.secret)).body.name).toBe("new name");
    });

    it("add up usage from every process exactly and keep one audit chain when both write at once", { timeout: 90_000 }, async ({ target }) => {
      const admin = await mintAdminToken(target);
      const [a, b] = (running = await startServerProcesses(target, 2, ["--quiet"]));
      const { key, secret } = (await callJson(`${a!.url}/v1/api-keys`, admin, "POST", { name: "shared", scope: "read" })).body;
      const hammer = async (server: ServerProcess, count: number) => {
        for (let sent = 0; sent < count; sent += 25) {
          const answers = await Promise.all(Array.from({ length: 25 }, () => callJson(`${server.url}/v1/feedback`, secret)));
          for (const answer of answers) expect(answer.status).toBe(200);
        }
      };
      // Both processes append to the chain at the same time: keys created and refusals recorded.
      const creates = (server: ServerProcess, label: string) =>
        Promise.all(Array.from({ length: 15 }, (_, i) => callJson(`${server.url}/v1/api-keys`, admin, "POST", { name: `${label}-${i}`, scope: "read" })));
      const [createdA, createdB] = await Promise.all([creates(a!, "a"), creates(b!, "b"), hammer(a!, 300), hammer(b!, 200)]);
      for (const answer of [...createdA, ...createdB]) expect(answer.status).toBe(201);
      expect(await a!.stop("SIGTERM"), a!.stderr()).toBe(0);
      expect(await b!.stop("SIGTERM"), b!.stderr()).toBe(0);
      const c = await startServerProcess(target, ["--quiet"]);
      running = [c];
      const usage = (await callJson(`${c.url}/v1/api-keys/${key.id}/usage?days=1`, admin)).body;
      expect(usage.daily[0]).toMatchObject({ requests: 500, reads: 500, denied: 0 });
      expect(usage.clients).toEqual([expect.objectContaining({ requests: 500 })]);
      const { events, head } = (await callJson(`${c.url}/v1/audit-events?limit=1000`, admin)).body as { events: AuditEvent[]; head: { seq: number } };
      expectOneChain(events);
      expect(events.filter((event) => event.type === "key.created")).toHaveLength(31);
      expect(head.seq).toBe(events.length);
    });
  });
});
