import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkspaceClient } from "../../../../core/workspace/workspace-client";
import { startWorkspace, type TestWorkspace } from "../../../support/test-server";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await startWorkspace();
});
afterAll(async () => {
  await ws.stop();
});

describe("workspace client", () => {
  it("lists every key across pages, newest first", async () => {
    const client = new WorkspaceClient(ws.url, ws.adminToken);
    const ids: string[] = [];
    for (let i = 0; i < 2100; i++) ids.push((await client.createKey({ name: `key ${i}`, scope: "read" })).key.id);
    const keys = await client.listAllKeys();
    expect(keys.map((key) => key.id)).toEqual(ids.reverse());
  }, 60_000);

  it("verifies keys with whoami, identifying itself as Keyward", async () => {
    const client = new WorkspaceClient(ws.url, ws.adminToken);
    const { key, secret } = await client.createKey({ name: "whoami", scope: "write" });
    expect(await client.whoami(secret)).toEqual({ keyId: key.id, name: "whoami", scope: "write", environment: "live" });
    await ws.server.housekeeping();
    const usage = await client.keyUsage(key.id, 1);
    expect(usage.clients[0]?.userAgent).toBe("Keyward-Desktop/0.1");
  });

  it("turns API errors into typed errors with the API's code", async () => {
    const client = new WorkspaceClient(ws.url, ws.adminToken);
    await expect(client.getKey("key_missing")).rejects.toMatchObject({ code: "not_found", apiCode: "not_found" });
    const { key } = await client.createKey({ name: "gone", scope: "read" });
    await client.revokeKey(key.id, "unused");
    await expect(client.rotateKey(key.id, {})).rejects.toMatchObject({ code: "workspace_error", apiCode: "conflict" });
    const stranger = new WorkspaceClient(ws.url, "uo_adm_0000000000000000000000000000000000000000");
    await expect(stranger.verify()).rejects.toMatchObject({ code: "workspace_refused" });
  });
});

describe("workspace client, unreachable", () => {
  it("says why a workspace cannot be reached", async () => {
    await expect(new WorkspaceClient("http://127.0.0.1:9", "uo_adm_x").verify()).rejects.toMatchObject({ code: "workspace_unreachable", message: expect.stringContaining("reserved") });
    await expect(new WorkspaceClient("http://keyward-no-such-host.invalid", "uo_adm_x").verify()).rejects.toMatchObject({ code: "workspace_unreachable", message: expect.stringMatching(/resolve/) });
  });
});
