import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../harness/harness-server";
import { startWorkspace, tempDir, type TestWorkspace } from "../../support/test-server";

// A minimal built renderer: this test is about the harness, not the app's pages.
const rendererDir = tempDir("renderer");
fs.writeFileSync(path.join(rendererDir, "index.html"), "<!doctype html><html><head><title>t</title></head><body></body></html>");

let ws: TestWorkspace;
let harness: Harness;
beforeAll(async () => {
  ws = await startWorkspace();
  harness = await startHarness({ dataDir: tempDir("harness"), rendererDir, repoRoot: path.resolve("."), workspace: { url: ws.url, adminToken: ws.adminToken } });
});
afterAll(async () => {
  await harness.close();
  await ws.stop();
});

describe("browser harness", () => {
  it("binds 127.0.0.1 only", () => {
    expect(new URL(harness.url).hostname).toBe("127.0.0.1");
  });

  it("refuses every request without its session token", async () => {
    for (const [method, route] of [
      ["GET", "/"],
      ["GET", "/harness/bridge.js"],
      ["GET", "/harness/clipboard"],
      ["POST", "/harness/ipc/keys.list"],
    ] as const) {
      expect((await fetch(harness.url + route, { method })).status, route).toBe(403);
      const wrong = await fetch(harness.url + route, { method, headers: { cookie: `keyward_harness=${"x".repeat(harness.session.length)}` } });
      expect(wrong.status, `${route} with a wrong token`).toBe(403);
    }
  });

  it("serves the page with the bridge first, sets the session cookie, and answers IPC calls", async () => {
    const page = await fetch(harness.pageUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<head>\s*<script src="\/harness\/bridge.js"><\/script>/);
    const cookie = page.headers.get("set-cookie")!.split(";")[0]!;
    expect(page.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict/);
    const answer = await fetch(`${harness.url}/harness/ipc/workspaces.current`, { method: "POST", headers: { cookie }, body: "{}" });
    expect(await answer.json()).toMatchObject({ ok: true, value: { state: "connected" } });
    const unknown = await fetch(`${harness.url}/harness/ipc/keys.delete`, { method: "POST", headers: { cookie }, body: "{}" });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: "unknown_channel" } });
    const traversal = await fetch(`${harness.url}/..%2f..%2fpackage.json`, { headers: { cookie } });
    expect(traversal.status).toBe(404);
  });
});
