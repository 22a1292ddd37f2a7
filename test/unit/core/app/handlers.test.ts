import http from "node:http";
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL_NAMES, channelSchemas } from "../../../../shared/ipc/contract";
import { callChannel, channelValue, createTestCore, type TestCore } from "../../../support/app-core";
import { startWorkspace, type TestWorkspace } from "../../../support/test-server";

let ws: TestWorkspace;
let t: TestCore;
beforeEach(async () => {
  ws = await startWorkspace();
  t = createTestCore({ attached: { name: "Test workspace", url: ws.url, adminToken: ws.adminToken } });
  await t.core.start();
});
afterEach(async () => {
  await t.core.dispose();
  await ws.stop();
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const call = (channel: string, input?: unknown) => callChannel(t, channel, input);
const value = (channel: string, input?: unknown) => channelValue(t, channel, input);

describe("IPC handlers", () => {
  it("answers invalid input on every channel with a typed invalid_input error", async () => {
    for (const name of CHANNEL_NAMES) {
      const takesNothing = channelSchemas(name)!.input.safeParse(undefined).success;
      const result = await call(name, takesNothing ? { unexpected: true } : 42);
      expect(result, name).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      if (!takesNothing) {
        const extra = await call(name, { sneaky: "field" });
        expect(extra, `${name} with an unknown field`).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      }
    }
  });

  it("refuses channels outside the contract", async () => {
    for (const name of ["keys.delete", "constructor.name", "__proto__", ""]) {
      expect(await call(name, undefined)).toMatchObject({ ok: false, error: { code: "unknown_channel" } });
    }
  });

  it("creates a key, copies it from the main process, keeps it in the vault, then forgets it", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const revealed = await value("keys.create", { name: "Zapier Integration", scope: "write", description: "creates feedback" });
    expect(revealed.key).toMatchObject({ name: "Zapier Integration", scope: "write", status: "active" });
    const copy = await value("clipboard.copySecret", { handle: revealed.handle });
    expect(copy.seconds).toBe(30);
    expect(t.clipboard.text).toBe(revealed.secret);
    expect(t.clipboard.writtenAsSecret).toBe(true);
    expect((await fetch(`${ws.url}/v1/whoami`, { headers: { authorization: `Bearer ${t.clipboard.text}` } })).status).toBe(200);
    expect(await value("keys.finishReveal", { handle: revealed.handle, keepInVault: true })).toEqual({ storedInVault: true });
    const entries = await value("vault.entries");
    expect(entries).toEqual([expect.objectContaining({ kind: "api_key_secret", label: "Zapier Integration", meta: expect.objectContaining({ keyId: revealed.key.id, display: revealed.key.display }) })]);
    expect(JSON.stringify(entries)).not.toContain(revealed.secret);
    expect((await value("vault.status")).entryCount).toBe(1);
    // Shown once: the handle is gone after the dialog closed.
    expect(await call("clipboard.copySecret", { handle: revealed.handle })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    t.clipboard.writePlain("something else");
    await value("clipboard.copyVaultEntry", { id: entries[0].id });
    expect(t.clipboard.text).toBe(revealed.secret);
  });

  it("revokes a key, and the workspace refuses it at once", async () => {
    const revealed = await value("keys.create", { name: "CI", scope: "read" });
    await value("keys.finishReveal", { handle: revealed.handle, keepInVault: false });
    const revoked = await value("keys.revoke", { id: revealed.key.id, reason: "compromised", note: "seen in a log" });
    expect(revoked).toMatchObject({ status: "revoked", revokedReason: "compromised" });
    const answer = await fetch(`${ws.url}/v1/whoami`, { headers: { authorization: `Bearer ${revealed.secret}` } });
    expect(answer.status).toBe(401);
    expect((await value("keys.list")).find((key: { id: string }) => key.id === revealed.key.id).status).toBe("revoked");
  });

  it("will not keep a secret in a locked vault, and keeps the handle so the user can unlock and retry", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const revealed = await value("keys.create", { name: "later", scope: "read" });
    await value("vault.lock");
    expect(await call("keys.finishReveal", { handle: revealed.handle, keepInVault: true })).toMatchObject({ ok: false, error: { code: "vault_locked" } });
    await value("vault.unlock", { passphrase: "correct horse battery" });
    expect(await value("keys.finishReveal", { handle: revealed.handle, keepInVault: true })).toEqual({ storedInVault: true });
  });

  it("locks and unlocks the vault, refusing a wrong passphrase with a clear message", async () => {
    expect(await value("vault.status")).toMatchObject({ exists: false, unlocked: false });
    expect(await call("vault.unlock", { passphrase: "anything" })).toMatchObject({ ok: false, error: { code: "vault_missing" } });
    expect(await call("vault.create", { passphrase: "short" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    await value("vault.create", { passphrase: "correct horse battery" });
    expect(await value("vault.lock")).toMatchObject({ exists: true, unlocked: false });
    const wrong = await call("vault.unlock", { passphrase: "wrong horse battery" });
    expect(wrong).toMatchObject({ ok: false, error: { code: "wrong_passphrase" } });
    expect(await value("vault.unlock", { passphrase: "correct horse battery" })).toMatchObject({ unlocked: true, entryCount: 0 });
    expect(t.events.filter((e) => e.event === "vault.changed").map((e) => (e.payload as { reason?: string }).reason)).toEqual(["created", "manual", "unlocked"]);
  });

  it("refuses keychain unlock with the platform's reason when there is no real keychain", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const refused = await call("vault.setKeychainUnlock", { enabled: true });
    expect(refused).toMatchObject({ ok: false, error: { code: "keychain_unavailable" } });
    if (!refused.ok) expect(refused.error.message).toContain("no OS keychain");
  });

  it("tells apart a dead server, a refused token and a URL that is not a workspace", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const dead = await call("workspaces.add", { name: "Dead", url: `http://127.0.0.1:${await closedPort()}`, adminToken: ws.adminToken });
    expect(dead).toMatchObject({ ok: false, error: { code: "workspace_unreachable" } });
    if (!dead.ok) expect(dead.error.message).toContain("connection refused");
    const refused = await call("workspaces.add", { name: "Refused", url: ws.url, adminToken: "uo_adm_0000000000000000000000000000000000000000" });
    expect(refused).toMatchObject({ ok: false, error: { code: "workspace_refused" } });
    // Some other web server: answers every request with a web page.
    const website = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<html>Welcome</html>"));
    await new Promise<void>((resolve) => website.listen(0, "127.0.0.1", resolve));
    const notWorkspace = await call("workspaces.add", { name: "Website", url: `http://127.0.0.1:${(website.address() as net.AddressInfo).port}`, adminToken: ws.adminToken });
    website.close();
    expect(notWorkspace).toMatchObject({ ok: false, error: { code: "not_a_workspace" } });
    const added = await value("workspaces.add", { name: "Second", url: ws.url, adminToken: ws.adminToken });
    expect(added).toMatchObject({ state: "connected", workspace: { name: "Second", kind: "remote" } });
    expect((await value("vault.entries")).some((entry: { kind: string }) => entry.kind === "admin_token")).toBe(true);
    // A locked vault takes the admin token with it.
    await value("vault.lock");
    expect(await value("workspaces.current")).toMatchObject({ state: "needs_vault" });
    await value("vault.unlock", { passphrase: "correct horse battery" });
    await expect.poll(async () => (await value("workspaces.current")).state).toBe("connected");
  });

  it("keeps preferences within bounds", async () => {
    expect(await value("preferences.get")).toMatchObject({ clipboardClearSeconds: 30 });
    expect(await call("preferences.set", { clipboardClearSeconds: 1 })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await value("preferences.set", { clipboardClearSeconds: 45, autoLockMinutes: 5 })).toMatchObject({ clipboardClearSeconds: 45, autoLockMinutes: 5 });
    const revealed = await value("keys.create", { name: "prefs", scope: "read" });
    expect((await value("clipboard.copySecret", { handle: revealed.handle })).seconds).toBe(45);
  });
});
