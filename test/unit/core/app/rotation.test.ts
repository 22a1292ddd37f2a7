import { describe, expect } from "vitest";
import { coreTest as it, type AppUnderTest } from "../../../support/core-fixture";
import type { TestWorkspace } from "../../../support/test-server";

/** The integration: an ordinary client of the workspace, with its own user agent. */
const integrationCall = (workspace: TestWorkspace, secret: string, userAgent = "zapier-client/2.1") =>
  fetch(`${workspace.url}/v1/feedback`, { headers: { authorization: `Bearer ${secret}`, "user-agent": userAgent } });

async function createKey(app: AppUnderTest, name: string, scope: "read" | "write" | "full" = "write", keepInVault = false) {
  const created = await app.value("keys.create", { name, scope, description: `${name} reads its key from ZAPIER_KEY` });
  const secret = await app.reveal(created.handle);
  await app.value("keys.finishReveal", { handle: created.handle, keepInVault });
  return { key: created.key as { id: string; display: string }, secret };
}

async function startRotation(app: AppUnderTest, keyId: string, scope?: string) {
  const { rotation, created } = await app.value("rotation.start", { keyId, ...(scope ? { scope } : {}) });
  return { rotation, created, secret: await app.reveal(created.handle) };
}

describe("rotation", () => {
  it("walks the four steps: verified only by the integration's own use, old key revoked at the end", async ({ app, workspace }) => {
    const old = await createKey(app, "Zapier Integration");
    expect((await integrationCall(workspace, old.secret)).status).toBe(200);

    const { rotation, created, secret } = await startRotation(app, old.key.id);
    expect(rotation).toMatchObject({ oldKeyId: old.key.id, newKeyId: created.key.id, step: "update", scope: "write", secretAvailable: true });
    expect(created.key).toMatchObject({ name: "Zapier Integration", scope: "write", replacesId: old.key.id });
    expect((await integrationCall(workspace, old.secret)).status).toBe(200); // the old key keeps working

    await app.value("rotation.copyNewKey", { oldKeyId: old.key.id });
    expect(app.clipboard.text).toBe(secret);
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "verify" });

    // Keyward's own test of the key is not the integration using it.
    expect(await app.value("rotation.testNewKey", { oldKeyId: old.key.id })).toMatchObject({ keyId: created.key.id, name: "Zapier Integration" });
    expect(await app.value("rotation.usage", { oldKeyId: old.key.id })).toMatchObject({ verified: false, newKeyFirstUse: null });

    expect((await integrationCall(workspace, app.clipboard.text)).status).toBe(200);
    const usage = await app.value("rotation.usage", { oldKeyId: old.key.id });
    expect(usage).toMatchObject({ verified: true, newKeyFirstUse: { ip: "127.0.0.1", userAgent: "zapier-client/2.1" } });
    expect(usage.oldKeyUses).toEqual([expect.objectContaining({ userAgent: "zapier-client/2.1", requests: 2 })]);
    expect((await app.value("rotation.list"))[0].verifiedAt).toBe(usage.newKeyFirstUse.at);

    // The old key was used seconds ago: revoking it now needs a second confirmation that names that use.
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "revoke" });
    const unconfirmed = await app.call("rotation.finish", { oldKeyId: old.key.id, revoke: "now" });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: "needs_confirmation" } });
    if (!unconfirmed.ok) expect(unconfirmed.error.message).toMatch(/used (just now|\d+ seconds? ago) from 127\.0\.0\.1 \(zapier-client\/2\.1\)/);
    expect((await integrationCall(workspace, old.secret)).status).toBe(200);

    const done = await app.value("rotation.finish", { oldKeyId: old.key.id, revoke: "now", confirmRecentUse: true });
    expect(done.oldKey).toMatchObject({ status: "revoked", revokedReason: "rotated" });
    expect((await integrationCall(workspace, old.secret)).status).toBe(401);
    expect(await app.value("rotation.list")).toEqual([]);
    expect(await app.call("rotation.copyNewKey", { oldKeyId: old.key.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refuses a step the state machine does not allow, with a typed error", async ({ app }) => {
    const old = await createKey(app, "Skipper");
    await startRotation(app, old.key.id);
    expect(await app.call("rotation.move", { oldKeyId: old.key.id, to: "revoke" })).toMatchObject({ ok: false, error: { code: "illegal_transition" } });
    expect(await app.call("rotation.finish", { oldKeyId: old.key.id, revoke: "now" })).toMatchObject({ ok: false, error: { code: "illegal_transition" } });
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "verify" });
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "update" }); // back is allowed
    expect((await app.value("rotation.list"))[0].step).toBe("update");
  });

  it("revokes after a grace period with the server's expiry, never asking about recent use, and the old key works until then", async ({ app, workspace }) => {
    const old = await createKey(app, "CI/CD Pipeline");
    expect((await integrationCall(workspace, old.secret)).status).toBe(200); // used seconds ago
    await startRotation(app, old.key.id);
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "verify" });
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "revoke" });
    const before = Date.now();
    const { oldKey } = await app.value("rotation.finish", { oldKeyId: old.key.id, revoke: "24h" });
    expect(Date.parse(oldKey.expiresAt) - before).toBeGreaterThanOrEqual(86_400_000 - 1000);
    expect(Date.parse(oldKey.expiresAt) - before).toBeLessThanOrEqual(86_400_000 + 5000);
    expect(oldKey.status).toBe("active");
    expect((await integrationCall(workspace, old.secret)).status).toBe(200);
  });

  it("rescopes: the successor gets the narrower scope", async ({ app, workspace }) => {
    const old = await createKey(app, "Reporting", "full");
    const { rotation, created, secret } = await startRotation(app, old.key.id, "read");
    expect(created.key.scope).toBe("read");
    expect(rotation).toMatchObject({ scope: "read", previousScope: "full" });
    expect((await fetch(`${workspace.url}/v1/settings`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(403);
  });

  it("gives the old key's vault entry the new secret, keeping the old one until the old key is revoked", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey(app, "Webhook Handler", "write", true);
    const [entry] = await app.value("vault.entries");
    const { rotation, created, secret } = await startRotation(app, old.key.id);
    expect(rotation.vaultEntryId).toBe(entry.id);
    expect(await app.core.vault.secretOf(entry.id)).toBe(secret);
    const [updated] = await app.core.vault.entries();
    expect(updated).toMatchObject({ historyCount: 1, meta: expect.objectContaining({ keyId: created.key.id, previousKeyId: old.key.id }) });
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "verify" });
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "revoke" });
    await app.value("rotation.finish", { oldKeyId: old.key.id, revoke: "now" });
    expect((await app.core.vault.entries())[0]!.historyCount).toBe(0);
  });

  it("keeps the new key in the vault on request, linked to the new key", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey(app, "No entry yet");
    const { created, secret } = await startRotation(app, old.key.id);
    const kept = await app.value("rotation.keepNewKey", { oldKeyId: old.key.id });
    expect(kept.vaultEntryId).not.toBeNull();
    expect(await app.core.vault.secretOf(kept.vaultEntryId)).toBe(secret);
    expect((await app.core.vault.entries())[0]!.meta).toMatchObject({ keyId: created.key.id });
  });

  it("drops the old secret from the vault once a grace period has ended", async ({ app, workspace }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const other = await createKey(app, "Nightly export", "read", true);
    await startRotation(app, other.key.id);
    await workspace.call("POST", `/v1/api-keys/${other.key.id}/schedule-expiry`, { body: { graceSeconds: 0 } });
    await app.value("rotation.cancel", { oldKeyId: other.key.id, revokeNewKey: false });
    await app.value("keys.list");
    const entries = await app.core.vault.entries();
    expect(entries.every((entry) => entry.historyCount === 0)).toBe(true);
  });

  it("survives a restart at its step; the secret is gone unless the vault holds it", async ({ app }) => {
    const old = await createKey(app, "Internal Dashboard");
    await startRotation(app, old.key.id);
    await app.value("rotation.move", { oldKeyId: old.key.id, to: "verify" });
    await app.restart();
    const [rotation] = await app.value("rotation.list");
    expect(rotation).toMatchObject({ oldKeyId: old.key.id, step: "verify", secretAvailable: false });
    expect(await app.call("rotation.testNewKey", { oldKeyId: old.key.id })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    expect(await app.value("rotation.usage", { oldKeyId: old.key.id })).toMatchObject({ verified: false });
  });

  it("cancels, revoking the successor and giving the vault entry its old secret back; the key can be rotated again", async ({ app, workspace }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey(app, "Billing Sync", "write", true);
    const { secret } = await startRotation(app, old.key.id);
    expect(await app.value("rotation.cancel", { oldKeyId: old.key.id, revokeNewKey: true })).toEqual([]);
    expect((await integrationCall(workspace, secret)).status).toBe(401);
    expect((await integrationCall(workspace, old.secret)).status).toBe(200);
    const [entry] = await app.core.vault.entries();
    expect(await app.core.vault.secretOf(entry!.id)).toBe(old.secret);
    expect(entry).toMatchObject({ historyCount: 0, meta: expect.objectContaining({ keyId: old.key.id, display: old.key.display }) });
    expect(entry!.meta?.previousKeyId).toBeUndefined();
    const again = await app.value("rotation.start", { keyId: old.key.id });
    expect(again.created.key.replacesId).toBe(old.key.id);
  });

  it("refuses to start while the vault is locked, and refuses a second rotation of the same key", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey(app, "Data Export");
    await app.value("vault.lock");
    expect(await app.call("rotation.start", { keyId: old.key.id })).toMatchObject({ ok: false, error: { code: "vault_locked" } });
    await app.value("vault.unlock", { passphrase: "correct horse battery" });
    await app.value("rotation.start", { keyId: old.key.id });
    expect(await app.call("rotation.start", { keyId: old.key.id })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});

describe("held secrets", () => {
  it("a rotation's new secret is dropped when the vault locks: the wizard can no longer copy it", async ({ app }) => {
    await app.value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey(app, "Full access tool", "full");
    const { created } = await startRotation(app, old.key.id);
    await app.value("vault.lock");
    expect(await app.call("rotation.copyNewKey", { oldKeyId: old.key.id })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    expect(await app.call("secrets.reveal", { handle: created.handle })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    await app.value("vault.unlock", { passphrase: "correct horse battery" });
    expect(await app.call("rotation.copyNewKey", { oldKeyId: old.key.id })).toMatchObject({ ok: false, error: { code: "secret_gone", message: expect.stringContaining("start again") } });
    expect((await app.value("rotation.list"))[0].secretAvailable).toBe(false);
    const dropped = app.events.filter((event) => event.event === "secrets.dropped");
    expect(dropped).toEqual([{ event: "secrets.dropped", payload: { handles: [created.handle], reason: "locked" } }]);
  });

  it("a held secret expires on its own after the set time (default 10 minutes)", async ({ app, clock }) => {
    const old = await createKey(app, "Slow integration");
    const { created } = await startRotation(app, old.key.id);
    clock.advance(9 * 60_000);
    expect(await app.value("rotation.copyNewKey", { oldKeyId: old.key.id })).toMatchObject({ seconds: 30 });
    clock.advance(61_000);
    const gone = await app.call("rotation.copyNewKey", { oldKeyId: old.key.id });
    expect(gone).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    expect(await app.call("secrets.reveal", { handle: created.handle })).toMatchObject({ ok: false, error: { code: "secret_gone", message: expect.stringContaining("time is up") } });
  });

  it("the hold time is a setting", async ({ app, clock }) => {
    await app.value("preferences.set", { heldSecretMinutes: 2 });
    const created = await app.value("keys.create", { name: "Short hold", scope: "read" });
    clock.advance(2 * 60_000 + 1000);
    expect(await app.call("secrets.reveal", { handle: created.handle })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
  });
});
