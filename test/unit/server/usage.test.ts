import { spawn } from "node:child_process";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createAdminToken } from "../../../server/admin/admin-tokens";
import { openSqlite, SQLITE_FILE_NAME } from "../../../server/db/connect";
import { startWorkspace, tempDir } from "../../support/test-server";

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

describe("usage", () => {
  it("counts exactly 1,000 requests, also across a graceful restart", async () => {
    const ws = await startWorkspace();
    try {
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
    } finally {
      await ws.stop();
    }
  });

  it("counts denied requests, reads and writes, and each client apart", async () => {
    const ws = await startWorkspace();
    try {
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
    } finally {
      await ws.stop();
    }
  });

  it("writes pending counts when the server process gets SIGTERM", async () => {
    const dataDir = tempDir("sigterm");
    const { db } = await openSqlite(dataDir);
    const { token } = await createAdminToken(db, "sigterm", new Date());
    await db.destroy();
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const cli = path.resolve("cli/keyward.ts");
    const child = spawn(process.execPath, ["--import", "tsx", cli, "server", "--port", String(port), "--data", dataDir, "--flush-ms", "5000"], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => log, { timeout: 15_000 }).toContain("listening");
    const created = await fetch(`${url}/v1/api-keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "sigterm", scope: "read" }),
    });
    const { key, secret } = (await created.json()) as { key: { id: string }; secret: string };
    await hammer(url, secret, 120, "sigterm-test");
    // Counts are written every 5 s here, so what SIGTERM finds pending must be written by SIGTERM.
    const raw0 = new SqliteDatabase(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    expect(raw0.prepare("select count(*) as n from usage_daily").get()).toEqual({ n: 0 });
    raw0.close();
    const exited = new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const raw = new SqliteDatabase(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const row = raw.prepare("select requests from usage_daily where key_id = ?").get(key.id) as { requests: number };
    raw.close();
    expect(row.requests).toBe(120);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(token);
  });
});
