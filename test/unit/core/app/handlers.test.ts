import http from "node:http";
import net from "node:net";
import { describe, expect } from "vitest";
import { CHANNEL_NAMES, channelSchemas } from "../../../../shared/ipc/contract";
import { coreTest as it } from "../../../support/core-fixture";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("IPC handlers", () => {
  it("answers invalid input on every channel with a typed invalid_input error", async ({ app }) => {
    for (const name of CHANNEL_NAMES) {
      const takesNothing = channelSchemas(name)!.input.safeParse(undefined).success;
      const result = await app.call(name, takesNothing ? { unexpected: true } : 42);
      expect(result, name).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      if (!takesNothing) {
        const extra = await app.call(name, { sneaky: "field" });
        expect(extra, `${name} with an unknown field`).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      }
    }
  });

  it("refuses channels outside the contract", async ({ app }) => {
    for (const name of ["keys.delete", "constructor.name", "__proto__", ""]) {
      expect(await app.call(name, undefined)).toMatchObject({ ok: false, error: { code: "unknown_channel" } });
    }
  });

  it("creates a key without sending its secret, reveals it on request, copies it, keeps it in the vault, then forgets it", async ({ app, workspace }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const created = await app.value("keys.create", { name: "Zapier Integration", scope: "write", description: "creates feedback" });
    expect(created.key).toMatchObject({ name: "Zapier Integration", scope: "write", status: "active", environment: "live" });
    expect(Object.keys(created).sort()).toEqual(["handle", "key"]);
    expect(JSON.stringify(created)).not.toMatch(/uo_live_[0-9A-Za-z]{38}/);
    const secret = await app.reveal(created.handle);
    expect(secret).toMatch(/^uo_live_[0-9A-Za-z]{38}$/);
    const copy = await app.value("clipboard.copySecret", { handle: created.handle });
    expect(copy.seconds).toBe(30);
    expect(app.clipboard.text).toBe(secret);
    expect(app.clipboard.writtenAsSecret).toBe(true);
    expect((await fetch(`${workspace.url}/v1/whoami`, { headers: { authorization: `Bearer ${app.clipboard.text}` } })).status).toBe(200);
    expect(await app.value("keys.finishReveal", { handle: created.handle, keepInVault: true })).toEqual({ storedInVault: true });
    const entries = await app.value("vault.entries");
    expect(entries).toEqual([expect.objectContaining({ kind: "api_key_secret", label: "Zapier Integration", meta: expect.objectContaining({ keyId: created.key.id, display: created.key.display }) })]);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect((await app.value("vault.status")).entryCount).toBe(1);
    // Shown once: the handle is gone after the dialog closed, for reveal and copy alike.
    expect(await app.call("secrets.reveal", { handle: created.handle })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    expect(await app.call("clipboard.copySecret", { handle: created.handle })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    app.clipboard.writePlain("something else");
    await app.value("clipboard.copyVaultEntry", { id: entries[0].id });
    expect(app.clipboard.text).toBe(secret);
  });

  it("creates a test-environment key with an expiry", async ({ app }) => {
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await app.value("keys.create", { name: "Staging", scope: "read", environment: "test", expiresAt });
    expect(created.key).toMatchObject({ environment: "test", expiresAt });
    expect(await app.reveal(created.handle)).toMatch(/^uo_test_/);
  });

  it("revokes a key, and the workspace refuses it at once; 'other' needs a note", async ({ app, workspace }) => {
    const created = await app.value("keys.create", { name: "CI", scope: "read" });
    const secret = await app.reveal(created.handle);
    await app.value("keys.finishReveal", { handle: created.handle, keepInVault: false });
    expect(await app.call("keys.revoke", { id: created.key.id, reason: "other" })).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringContaining("needs a note") } });
    const revoked = await app.value("keys.revoke", { id: created.key.id, reason: "compromised", note: "seen in a log" });
    expect(revoked).toMatchObject({ status: "revoked", revokedReason: "compromised" });
    const answer = await fetch(`${workspace.url}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } });
    expect(answer.status).toBe(401);
    expect((await app.value("keys.list")).find((key: { id: string }) => key.id === created.key.id).status).toBe("revoked");
  });

  it("revokes several keys with one reason, listing each failure", async ({ app }) => {
    const first = await app.value("keys.create", { name: "One", scope: "read" });
    const second = await app.value("keys.create", { name: "Two", scope: "read" });
    const result = await app.value("keys.revokeMany", { ids: [first.key.id, "key_does_not_exist", second.key.id], reason: "unused", note: "quarterly review" });
    expect(result.revoked.map((key: { id: string }) => key.id)).toEqual([first.key.id, second.key.id]);
    expect(result.failed).toEqual([{ id: "key_does_not_exist", message: expect.any(String) }]);
  });

  it("will not keep a secret in a locked vault, and keeps the handle so the user can unlock and retry", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const created = await app.value("keys.create", { name: "later", scope: "read" });
    await app.value("vault.lock");
    // Locking dropped the held secret: nothing is left to keep.
    expect(await app.call("secrets.reveal", { handle: created.handle })).toMatchObject({ ok: false, error: { code: "secret_gone", message: expect.stringContaining("vault locked") } });
    expect(await app.value("keys.finishReveal", { handle: created.handle, keepInVault: true })).toEqual({ storedInVault: false });
  });

  it("keeps a key made before the vault existed, once the vault is set up while its dialog is open", async ({ app }) => {
    const created = await app.value("keys.create", { name: "Before the vault", scope: "read" });
    expect(await app.call("keys.finishReveal", { handle: created.handle, keepInVault: true })).toMatchObject({ ok: false, error: { code: "vault_locked", message: expect.stringContaining("Set up the vault") } });
    await app.value("vault.create", { passphrase: "correct horse battery" });
    expect(await app.value("keys.finishReveal", { handle: created.handle, keepInVault: true })).toEqual({ storedInVault: true });
    expect(await app.value("vault.entries")).toEqual([expect.objectContaining({ label: "Before the vault" })]);
  });

  it("locks and unlocks the vault, refusing a wrong passphrase with a clear message", async ({ app }) => {
    expect(await app.value("vault.status")).toMatchObject({ exists: false, unlocked: false });
    expect(await app.call("vault.unlock", { passphrase: "anything" })).toMatchObject({ ok: false, error: { code: "vault_missing" } });
    expect(await app.call("vault.create", { passphrase: "short" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    await app.value("vault.create", { passphrase: "correct horse battery" });
    expect(await app.value("vault.lock")).toMatchObject({ exists: true, unlocked: false });
    const wrong = await app.call("vault.unlock", { passphrase: "wrong horse battery" });
    expect(wrong).toMatchObject({ ok: false, error: { code: "wrong_passphrase" } });
    expect(await app.value("vault.unlock", { passphrase: "correct horse battery" })).toMatchObject({ unlocked: true, entryCount: 0 });
    expect(app.events.filter((e) => e.event === "vault.changed").map((e) => (e.payload as { reason?: string }).reason)).toEqual(["created", "manual", "unlocked"]);
  });

  it("changes the passphrase: the old one no longer opens the vault", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    expect(await app.call("vault.changePassphrase", { current: "not it at all", next: "a new long passphrase" })).toMatchObject({ ok: false, error: { code: "wrong_passphrase" } });
    await app.value("vault.changePassphrase", { current: "correct horse battery", next: "a new long passphrase" });
    await app.value("vault.lock");
    expect(await app.call("vault.unlock", { passphrase: "correct horse battery" })).toMatchObject({ ok: false, error: { code: "wrong_passphrase" } });
    expect(await app.value("vault.unlock", { passphrase: "a new long passphrase" })).toMatchObject({ unlocked: true });
  });

  it("refuses keychain unlock with the platform's reason when there is no real keychain", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const refused = await app.call("vault.setKeychainUnlock", { enabled: true });
    expect(refused).toMatchObject({ ok: false, error: { code: "keychain_unavailable" } });
    if (!refused.ok) expect(refused.error.message).toContain("no OS keychain");
  });

  it("tells apart a dead server, a refused token and a URL that is not a workspace", async ({ app, workspace }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const dead = await app.call("workspaces.add", { name: "Dead", url: `http://127.0.0.1:${await closedPort()}`, adminToken: workspace.adminToken });
    expect(dead).toMatchObject({ ok: false, error: { code: "workspace_unreachable" } });
    if (!dead.ok) expect(dead.error.message).toContain("connection refused");
    const refused = await app.call("workspaces.add", { name: "Refused", url: `http://localhost:${new URL(workspace.url).port}`, adminToken: "uo_adm_0000000000000000000000000000000000000000" });
    expect(refused).toMatchObject({ ok: false, error: { code: "workspace_refused" } });
    // Some other web server: answers every request with a web page.
    const website = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<html>Welcome</html>"));
    await new Promise<void>((resolve) => website.listen(0, "127.0.0.1", resolve));
    const notWorkspace = await app.call("workspaces.add", { name: "Website", url: `http://127.0.0.1:${(website.address() as net.AddressInfo).port}`, adminToken: workspace.adminToken });
    website.close();
    expect(notWorkspace).toMatchObject({ ok: false, error: { code: "not_a_workspace" } });
    const url = `http://localhost:${new URL(workspace.url).port}`;
    const added = await app.value("workspaces.add", { name: "Second", url, adminToken: workspace.adminToken, production: true });
    expect(added).toMatchObject({ state: "connected", workspace: { name: "Second", kind: "remote", production: true } });
    expect((await app.value("vault.entries")).some((entry: { kind: string }) => entry.kind === "admin_token")).toBe(true);
    // The same address twice is refused, saying which workspace has it.
    expect(await app.call("workspaces.add", { name: "Again", url: `${url}/`, adminToken: workspace.adminToken })).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("“Second”") } });
    // A locked vault takes the admin token with it.
    await app.value("vault.lock");
    expect(await app.value("workspaces.current")).toMatchObject({ state: "needs_vault" });
    await app.value("vault.unlock", { passphrase: "correct horse battery" });
    await expect.poll(async () => (await app.value("workspaces.current")).state).toBe("connected");
  });

  it("keeps preferences within bounds", async ({ app }) => {
    expect(await app.value("preferences.get")).toMatchObject({ clipboardClearSeconds: 30, heldSecretMinutes: 10, findings: { orphanedDays: 90 } });
    expect(await app.call("preferences.set", { clipboardClearSeconds: 1 })).toMatchObject({ ok: false, error: { code: "invalid_input", message: "clipboardClearSeconds: At least 5 seconds" } });
    expect(await app.value("preferences.set", { clipboardClearSeconds: 45, autoLockMinutes: 5, findings: { orphanedDays: 60 } })).toMatchObject({ clipboardClearSeconds: 45, autoLockMinutes: 5, findings: { orphanedDays: 60, neverUsedDays: 7 } });
    const created = await app.value("keys.create", { name: "prefs", scope: "read" });
    expect((await app.value("clipboard.copySecret", { handle: created.handle })).seconds).toBe(45);
  });
});
