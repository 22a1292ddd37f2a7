import { describe, expect } from "vitest";
import { eachDatabase, it } from "../support/server-fixtures";
import { callJson, mintAdminToken, startServerProcesses } from "../support/server-process";
import { sleep, startLoad } from "./load";

// The contract: every server of the workspace refuses a revoked key within one second.
const WINDOW_MS = 1000;

eachDatabase(() => {
  describe("a revoked key hammered on every server process", () => {
    it("gets not one 200 from any process once the second after the revocation has passed", { timeout: 90_000 }, async ({ target }) => {
      const admin = await mintAdminToken(target);
      const servers = await startServerProcesses(target, 3, ["--quiet"]);
      try {
        const { key, secret } = (await callJson(`${servers[0]!.url}/v1/api-keys`, admin, "POST", { name: "leaked", scope: "read" })).body;
        const load = startLoad(
          servers.map((server) => `${server.url}/v1/whoami`),
          { authorization: `Bearer ${secret}` },
          { loopsPerUrl: 4, maxMs: 60_000 },
        );
        // Every process has accepted (and cached) the key before it is revoked.
        for (const server of servers) {
          await expect.poll(() => load.outcomes.filter((outcome) => outcome.url.startsWith(server.url) && outcome.status === 200).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
        }
        const revoked = await callJson(`${servers[1]!.url}/v1/api-keys/${key.id}/revoke`, admin, "POST", { reason: "compromised" });
        expect(revoked.status).toBe(200);
        const revokedAt = Date.now();
        await sleep(WINDOW_MS + 1000);
        const outcomes = await load.stop();
        const late = outcomes.filter((outcome) => outcome.sentAt > revokedAt + WINDOW_MS);
        expect(late.length).toBeGreaterThanOrEqual(10);
        // Refused: 401 revoked_key, or 429 once the client has failed too often.
        expect(late.filter((outcome) => outcome.status !== 401 && outcome.status !== 429)).toEqual([]);
        for (const server of servers) {
          expect(outcomes.some((outcome) => outcome.url.startsWith(server.url) && outcome.sentAt > revokedAt && outcome.status === 401)).toBe(true);
        }
        // On the process that revoked it, at once.
        expect(outcomes.filter((outcome) => outcome.url.startsWith(servers[1]!.url) && outcome.sentAt > revokedAt && outcome.status === 200)).toEqual([]);
      } finally {
        await Promise.all(servers.map((server) => server.stop("SIGTERM")));
      }
    });
  });
});
