import { describe, expect } from "vitest";
import { openDatabase } from "../../../server/db/connect";
import { eachDatabase, it } from "../../support/server-fixtures";
import { callJson, mintAdminToken, startServerProcess } from "../../support/server-process";

const today = () => new Date().toISOString().slice(0, 10);

async function hammer(url: string, secret: string, count: number, userAgent: string): Promise<void> {
  const batch = 50;
  for (let sent = 0; sent < count; sent += batch) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(batch, count - sent) }, () =>
        fetch(`${url}/v1/feedback`, { headers: { authorization: `Bearer ${secret}`, "user-agent": userAgent } }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      await answer.arrayBuffer();
    }
  }
}

eachDatabase(() => {
  describe("usage", () => {
    it("counts exactly 1,000 requests, also across a graceful restart", async ({ ws }) => {
      const { key, secret } = await ws.createKey("read", "Internal Dashboard");
      await hammer(ws.url, secret, 600, "dashboard/1.0");
      await ws.restart();
      await hammer(ws.url, secret, 400, "dashboard/1.0");
      const usage = await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=7`);
      expect(usage.status).toBe(200);
      expect(usage.body.daily).toHaveLength(7);
      expect(usage.body.daily.at(-1)).toEqual({ date: today(), requests: 1000, denied: 0, reads: 1000, writes: 0, settings: 0 });
      expect(usage.body.daily.slice(0, 6).every((day: { requests: number }) => day.requests === 0)).toBe(true);
      expect(usage.body.clients).toEqual([expect.objectContaining({ ip: "127.0.0.1", userAgent: "dashboard/1.0", requests: 1000 })]);
      const fetched = (await ws.call("GET", `/v1/api-keys/${key.id}`)).body;
      expect(fetched).toMatchObject({ lastUsedIp: "127.0.0.1", lastUsedUserAgent: "dashboard/1.0" });
      expect(Date.now() - Date.parse(fetched.lastUsedAt)).toBeLessThan(5000);
    });

    it("counts denied requests, reads and writes, and each client apart", async ({ ws }) => {
      const { key, secret } = await ws.createKey("read");
      await ws.call("GET", "/v1/feedback", { token: secret, headers: { "user-agent": "a" } });
      await ws.call("GET", "/v1/whoami", { token: secret, headers: { "user-agent": "b" } });
      await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "x" }, headers: { "user-agent": "a" } });
      const usage = (await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=1`)).body;
      expect(usage.daily).toEqual([{ date: today(), requests: 3, denied: 1, reads: 2, writes: 0, settings: 0 }]);
      expect(usage.clients.map((client: { userAgent: string; requests: number }) => [client.userAgent, client.requests]).sort()).toEqual([
        ["a", 1],
        ["b", 1],
      ]);
      const writer = await ws.createKey("write");
      await ws.call("POST", "/v1/feedback", { token: writer.secret, body: { title: "x" } });
      const written = (await ws.call("GET", `/v1/api-keys/${writer.key.id}/usage?days=1`)).body;
      expect(written.daily[0]).toMatchObject({ requests: 1, writes: 1, reads: 0 });
      expect((await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=401`)).status).toBe(400);
      expect((await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=0`)).status).toBe(400);
    });

    it("writes a flush of more than 500 rows (several statements in one transaction)", async ({ ws }) => {
      const { key, secret } = await ws.createKey("read");
      for (let sent = 0; sent < 1201; sent += 100) {
        await Promise.all(
          Array.from({ length: Math.min(100, 1201 - sent) }, (_, i) => ws.call("GET", "/v1/whoami", { token: secret, headers: { "user-agent": `agent/${sent + i}` } })),
        );
      }
      await ws.server.housekeeping();
      const usage = (await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=1`)).body;
      expect(usage.daily[0].requests).toBe(1201);
      expect(usage.clients).toHaveLength(1000); // the answer's cap; all 1201 are stored
      const recent = (await ws.call("GET", "/v1/usage/recent?days=1")).body;
      expect(recent.clients.filter((client: { keyId: string }) => client.keyId === key.id)).toHaveLength(1201);
    });

    it("counts past 2^31 - 1 (a busy client over weeks) without overflowing a column", async ({ ws }) => {
      const { key, secret } = await ws.createKey("read");
      const busy = { token: secret, headers: { "user-agent": "busy/1" } };
      await ws.call("GET", "/v1/whoami", busy);
      await ws.server.housekeeping();
      const max = 2 ** 31 - 1;
      await ws.server.db.updateTable("usage_clients").set({ requests: max }).where("key_id", "=", key.id).execute();
      await ws.server.db.updateTable("usage_daily").set({ requests: max, reads: max }).where("key_id", "=", key.id).execute();
      await ws.call("GET", "/v1/whoami", busy);
      await ws.server.housekeeping();
      const usage = (await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=1`)).body;
      expect(usage.daily[0]).toMatchObject({ requests: 2 ** 31, reads: 2 ** 31 });
      expect(usage.clients).toEqual([expect.objectContaining({ userAgent: "busy/1", requests: 2 ** 31 })]);
    });

    it("writes pending counts when the server process gets SIGTERM", async ({ target }) => {
      const token = await mintAdminToken(target, "sigterm");
      // Counts are written every 5 s here, so what SIGTERM finds pending must be written by SIGTERM.
      const server = await startServerProcess(target, ["--flush-ms", "5000"]);
      const { key, secret } = (await callJson(`${server.url}/v1/api-keys`, token, "POST", { name: "sigterm", scope: "read" })).body;
      await hammer(server.url, secret, 120, "sigterm-test");
      const { db } = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
      try {
        expect(await db.selectFrom("usage_daily").selectAll().execute()).toEqual([]);
        expect(await server.stop("SIGTERM")).toBe(0);
        const row = await db.selectFrom("usage_daily").select("requests").where("key_id", "=", key.id).executeTakeFirst();
        expect(Number(row?.requests)).toBe(120);
      } finally {
        await db.destroy();
      }
      // The request log was written (buffered, flushed at exit) and holds no credential.
      expect(server.stdout().split("\n").filter((line) => line.includes('"path":"/v1/feedback"'))).toHaveLength(120);
      for (const output of [server.stdout(), server.stderr()]) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(token);
      }
    });
  });
});
