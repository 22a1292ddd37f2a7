import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import path from "node:path";
import { describe, expect } from "vitest";
import { coreTest as it } from "../../../support/core-fixture";

/** A server that records every Authorization header it is sent: where a stolen token would land. */
async function tokenCatcher() {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.headers.authorization ?? "");
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [], nextCursor: null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("remote workspaces and their admin tokens", () => {
  it("refuses http:// to another machine, saying why, before any request is made", async ({ app, workspace }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    for (const url of ["http://keys.example.com", "http://10.0.0.5:4010", "http://[2001:db8::1]/"]) {
      const refused = await app.call("workspaces.add", { name: "Plain", url, adminToken: workspace.adminToken });
      expect(refused, url).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringContaining("https://") } });
      if (!refused.ok) expect(refused.error.message).toMatch(/admin token/);
    }
    // Loopback stays allowed over http (a server on this computer).
    expect(await app.value("workspaces.add", { name: "Here", url: `http://localhost:${new URL(workspace.url).port}`, adminToken: workspace.adminToken })).toMatchObject({ state: "connected" });
  });

  it("connects to the URL stored with the token in the vault; an edited preferences file does not redirect the token", async ({ app, workspace }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const url = `http://localhost:${new URL(workspace.url).port}`;
    const added = await app.value("workspaces.add", { name: "Production", url, adminToken: workspace.adminToken });
    const id = added.workspace.id;
    const catcher = await tokenCatcher();
    try {
      // Someone edits the unprotected preferences file to point the workspace at their own server.
      await app.core.dispose();
      const file = path.join(app.dataDir, "preferences.json");
      const preferences = JSON.parse(fs.readFileSync(file, "utf8"));
      preferences.workspaces[0].url = catcher.url;
      fs.writeFileSync(file, JSON.stringify(preferences));
      await app.restart();
      await app.value("vault.unlock", { passphrase: "correct horse battery" });
      const state = await app.value("workspaces.switch", { id });
      expect(state).toMatchObject({ state: "error", message: expect.stringContaining("differs from the one stored with its admin token") });
      expect(catcher.seen).toEqual([]);
    } finally {
      await catcher.close();
    }
  });
});

describe("files the app keeps", () => {
  it("splits a preferences.json written before file versions into its own files, losing nothing", async ({ app }) => {
    await app.core.dispose();
    const legacy = {
      clipboardClearSeconds: 45,
      autoLockMinutes: 20,
      rotationDays: 60,
      lastWorkspaceId: "local",
      workspaces: [{ id: "ws_1", name: "Prod", url: "https://keys.example.com" }],
      rotations: [{ oldKeyId: "key_old", newKeyId: "key_new", workspaceId: "local", keyName: "CI", description: "", scope: "read", previousScope: "read", step: "verify", startedAt: "2026-01-01T00:00:00.000Z", verifiedAt: null, vaultEntryId: null }],
      remindersSent: { "local/key_old": ["14d"] },
    };
    fs.writeFileSync(path.join(app.dataDir, "preferences.json"), JSON.stringify(legacy));
    await app.restart();
    expect(await app.value("preferences.get")).toMatchObject({ clipboardClearSeconds: 45, autoLockMinutes: 20, rotationDays: 60 });
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(app.dataDir, name), "utf8"));
    expect(read("rotations.json")).toMatchObject({ schemaVersion: 1, rotations: [expect.objectContaining({ oldKeyId: "key_old", step: "verify" })] });
    expect(read("reminders.json")).toEqual({ schemaVersion: 1, sent: { "local/key_old": ["14d"] } });
    const preferences = read("preferences.json");
    expect(preferences).toMatchObject({ schemaVersion: 1, clipboardClearSeconds: 45, workspaces: [expect.objectContaining({ id: "ws_1", production: false })] });
    expect(preferences.rotations).toBeUndefined();
    expect(preferences.remindersSent).toBeUndefined();
    expect(fs.statSync(path.join(app.dataDir, "preferences.json")).mode & 0o777).toBe(0o600);
  });

  it("moves a damaged file aside instead of overwriting it, and starts from defaults", async ({ app }) => {
    await app.value("preferences.set", { clipboardClearSeconds: 45 });
    await app.core.dispose();
    fs.writeFileSync(path.join(app.dataDir, "preferences.json"), "{ not json");
    await app.restart();
    expect((await app.value("preferences.get")).clipboardClearSeconds).toBe(30);
    const aside = fs.readdirSync(app.dataDir).filter((name) => name.startsWith("preferences.json.damaged-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(app.dataDir, aside[0]!), "utf8")).toBe("{ not json");
  });

  it("a failed save says why and changes nothing", async ({ app }) => {
    // The folder is replaced by a file: every write fails, as on a disk that went away.
    const before = await app.value("preferences.get");
    const broken = path.join(app.dataDir, "preferences.json");
    fs.rmSync(broken, { force: true });
    fs.mkdirSync(broken);
    const refused = await app.call("preferences.set", { clipboardClearSeconds: 50 });
    expect(refused).toMatchObject({ ok: false, error: { code: "io", message: expect.stringContaining("Could not save your settings") } });
    expect(await app.value("preferences.get")).toEqual(before);
    fs.rmSync(broken, { recursive: true });
  });
});
