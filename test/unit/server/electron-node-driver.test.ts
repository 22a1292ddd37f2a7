import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../support/test-server";

// The Node of Electron's major version, fetched by scripts/ensure-electron-node.mjs (npm's pretest).
const ELECTRON_NODE = path.resolve(".cache/electron-node-24/package/bin/node");
const available = fs.existsSync(ELECTRON_NODE);
if (!available && process.env.CI) throw new Error(`${ELECTRON_NODE} is missing: run node scripts/ensure-electron-node.mjs`);
const cli = path.resolve("cli/keyward.ts");

function runCli(args: string[]): ChildProcess {
  return spawn(ELECTRON_NODE, ["--no-warnings", "--import", "tsx", cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

async function output(child: ChildProcess): Promise<string> {
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  expect(code).toBe(0);
  return stdout.trim();
}

async function startServer(dataDir: string): Promise<{ url: string; log: () => string; stop: () => Promise<number | null> }> {
  const child = runCli(["server", "--port", "0", "--data", dataDir]);
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await expect.poll(() => log, { timeout: 20_000 }).toMatch(/listening on/);
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)![1]!;
  return {
    url,
    log: () => log,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      return exited;
    },
  };
}

describe.skipIf(!available)("the local workspace server on Electron's Node", () => {
  it("falls back to node:sqlite and keeps the whole key lifecycle working", async () => {
    const dataDir = tempDir("electron-node");
    const token = await output(runCli(["server", "admin-token", "--data", dataDir, "--name", "desktop"]));
    let server = await startServer(dataDir);
    expect(server.log()).toContain("SQLite via node:sqlite");
    const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await fetch(`${server.url}/v1/api-keys`, { method: "POST", headers: admin, body: JSON.stringify({ name: "on electron", scope: "read" }) });
    expect(created.status).toBe(201);
    const { key, secret } = (await created.json()) as { key: { id: string }; secret: string };
    for (let i = 0; i < 25; i++) expect((await fetch(`${server.url}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect(await server.stop()).toBe(0);

    server = await startServer(dataDir);
    const usage = (await (await fetch(`${server.url}/v1/api-keys/${key.id}/usage?days=1`, { headers: admin })).json()) as { daily: { requests: number }[] };
    expect(usage.daily[0]?.requests).toBe(25);
    const revoked = await fetch(`${server.url}/v1/api-keys/${key.id}/revoke`, { method: "POST", headers: admin, body: JSON.stringify({ reason: "unused" }) });
    expect(revoked.status).toBe(200);
    const refused = await fetch(`${server.url}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
    const events = (await (await fetch(`${server.url}/v1/audit-events?limit=100`, { headers: admin })).json()) as { events: { type: string }[] };
    expect(events.events.map((event: { type: string }) => event.type)).toEqual(["admin_token.created", "key.created", "key.revoked"]);
    expect(await server.stop()).toBe(0);
  });
});
