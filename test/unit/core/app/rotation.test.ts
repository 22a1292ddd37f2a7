import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

const call = (core: TestCore, channel: string, input?: unknown) => callChannel(core, channel, input);
const value = (channel: string, input?: unknown) => channelValue(t, channel, input);

/** The integration: an ordinary client of the workspace, with its own user agent. */
const integrationCall = (secret: string, userAgent = "zapier-client/2.1") =>
  fetch(`${ws.url}/v1/feedback`, { headers: { authorization: `Bearer ${secret}`, "user-agent": userAgent } });

async function createKey(name: string, scope: "read" | "write" | "full" = "write", keepInVault = false) {
  const revealed = await value("keys.create", { name, scope, description: `${name} reads its key from ZAPIER_KEY` });
  await value("keys.finishReveal", { handle: revealed.handle, keepInVault });
  return revealed as { key: { id: string; display: string }; secret: string };
}

describe("rotation", () => {
  it("walks the four steps: verified only by the integration's own use, old key revoked at the end", async () => {
    const old = await createKey("Zapier Integration");
    expect((await integrationCall(old.secret)).status).toBe(200);

    const { rotation, revealed } = await value("rotation.start", { keyId: old.key.id });
    expect(rotation).toMatchObject({ oldKeyId: old.key.id, newKeyId: revealed.key.id, step: "update", scope: "write", secretAvailable: true });
    expect(revealed.key).toMatchObject({ name: "Zapier Integration", scope: "write", replacesId: old.key.id });
    expect((await integrationCall(old.secret)).status).toBe(200); // the old key keeps working

    await value("rotation.setStep", { oldKeyId: old.key.id, step: "update" });
    await value("rotation.copyNewKey", { oldKeyId: old.key.id });
    expect(t.clipboard.text).toBe(revealed.secret);
    await value("rotation.setStep", { oldKeyId: old.key.id, step: "verify" });

    // Keyward's own test of the key is not the integration using it.
    expect(await value("rotation.testNewKey", { oldKeyId: old.key.id })).toMatchObject({ keyId: revealed.key.id, name: "Zapier Integration" });
    expect(await value("rotation.usage", { oldKeyId: old.key.id })).toMatchObject({ verified: false, newKeyFirstUse: null });

    expect((await integrationCall(t.clipboard.text)).status).toBe(200);
    const usage = await value("rotation.usage", { oldKeyId: old.key.id });
    expect(usage).toMatchObject({ verified: true, newKeyFirstUse: { ip: "127.0.0.1", userAgent: "zapier-client/2.1" } });
    expect(usage.oldKeyUses).toEqual([expect.objectContaining({ userAgent: "zapier-client/2.1", requests: 2 })]);
    expect((await value("rotation.list"))[0].verifiedAt).toBe(usage.newKeyFirstUse.at);

    // The old key was used minutes ago: revoking it needs a second confirmation that names that use.
    await value("rotation.setStep", { oldKeyId: old.key.id, step: "revoke" });
    const unconfirmed = await call(t, "rotation.finish", { oldKeyId: old.key.id, revoke: "now" });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: "needs_confirmation" } });
    if (!unconfirmed.ok) expect(unconfirmed.error.message).toMatch(/127\.0\.0\.1 \(zapier-client\/2\.1\)/);
    expect((await integrationCall(old.secret)).status).toBe(200);

    const done = await value("rotation.finish", { oldKeyId: old.key.id, revoke: "now", confirmRecentUse: true });
    expect(done.oldKey).toMatchObject({ status: "revoked", revokedReason: "rotated" });
    const refused = await integrationCall(old.secret);
    expect(refused.status).toBe(401);
    expect((await value("rotation.list"))).toEqual([]);
    expect(await call(t, "rotation.copyNewKey", { oldKeyId: old.key.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("revokes after a grace period with the server's expiry, and the old key works until then", async () => {
    const old = await createKey("CI/CD Pipeline");
    await value("rotation.start", { keyId: old.key.id });
    const before = Date.now();
    const { oldKey } = await value("rotation.finish", { oldKeyId: old.key.id, revoke: "24h" });
    expect(Date.parse(oldKey.expiresAt) - before).toBeGreaterThanOrEqual(86_400_000 - 1000);
    expect(Date.parse(oldKey.expiresAt) - before).toBeLessThanOrEqual(86_400_000 + 5000);
    expect(oldKey.status).toBe("active");
    expect((await integrationCall(old.secret)).status).toBe(200);
  });

  it("rescopes: the successor gets the narrower scope", async () => {
    const old = await createKey("Reporting", "full");
    const { revealed, rotation } = await value("rotation.start", { keyId: old.key.id, scope: "read" });
    expect(revealed.key.scope).toBe("read");
    expect(rotation).toMatchObject({ scope: "read", previousScope: "full" });
    expect((await fetch(`${ws.url}/v1/settings`, { headers: { authorization: `Bearer ${revealed.secret}` } })).status).toBe(403);
  });

  it("gives the old key's vault entry the new secret, keeping the old one until the old key is revoked", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey("Webhook Handler", "write", true);
    const [entry] = await value("vault.entries");
    const { revealed, rotation } = await value("rotation.start", { keyId: old.key.id });
    expect(rotation.vaultEntryId).toBe(entry.id);
    expect(await t.core.vault.secretOf(entry.id)).toBe(revealed.secret);
    const [updated] = await t.core.vault.entries();
    expect(updated).toMatchObject({ historyCount: 1, meta: expect.objectContaining({ keyId: revealed.key.id, previousKeyId: old.key.id }) });
    await value("rotation.finish", { oldKeyId: old.key.id, revoke: "now" });
    expect((await t.core.vault.entries())[0]!.historyCount).toBe(0);
  });

  it("drops the old secret from the vault once a grace period has ended", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey("Support Bot", "read", true);
    await value("rotation.start", { keyId: old.key.id });
    await value("rotation.finish", { oldKeyId: old.key.id, revoke: "now", confirmRecentUse: true });
    // (A "now" revoke clears at once; a scheduled one is cleared when the keys are next read after expiry.)
    const other = await createKey("Nightly export", "read", true);
    await value("rotation.start", { keyId: other.key.id });
    await ws.call("POST", `/v1/api-keys/${other.key.id}/schedule-expiry`, { body: { graceSeconds: 0 } });
    await value("rotation.cancel", { oldKeyId: other.key.id, revokeNewKey: false });
    await value("keys.list");
    const entries = await t.core.vault.entries();
    expect(entries.every((entry) => entry.historyCount === 0)).toBe(true);
  });

  it("survives a restart at its step; the secret is gone unless the vault holds it", async () => {
    const old = await createKey("Internal Dashboard");
    await value("rotation.start", { keyId: old.key.id });
    await value("rotation.setStep", { oldKeyId: old.key.id, step: "verify" });
    await t.core.dispose();
    t = createTestCore({ dataDir: t.dataDir, attached: { name: "Test workspace", url: ws.url, adminToken: ws.adminToken } });
    await t.core.start();
    const [rotation] = await value("rotation.list");
    expect(rotation).toMatchObject({ oldKeyId: old.key.id, step: "verify", secretAvailable: false });
    expect(await call(t, "rotation.testNewKey", { oldKeyId: old.key.id })).toMatchObject({ ok: false, error: { code: "secret_gone" } });
    expect(await value("rotation.usage", { oldKeyId: old.key.id })).toMatchObject({ verified: false });
  });

  it("cancels, revoking the successor and giving the vault entry its old secret back", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey("Billing Sync", "write", true);
    const { revealed } = await value("rotation.start", { keyId: old.key.id });
    expect(await value("rotation.cancel", { oldKeyId: old.key.id, revokeNewKey: true })).toEqual([]);
    expect((await integrationCall(revealed.secret)).status).toBe(401);
    expect((await integrationCall(old.secret)).status).toBe(200);
    const [entry] = await t.core.vault.entries();
    expect(await t.core.vault.secretOf(entry!.id)).toBe(old.secret);
    expect(entry).toMatchObject({ historyCount: 0, meta: expect.objectContaining({ keyId: old.key.id }) });
    expect(entry!.meta?.previousKeyId).toBeUndefined();
    // With its successor revoked, the old key can be rotated again.
    const again = await value("rotation.start", { keyId: old.key.id });
    expect(again.revealed.key.replacesId).toBe(old.key.id);
  });

  it("refuses to start while the vault is locked, and refuses a second rotation of the same key", async () => {
    await value("vault.create", { passphrase: "correct horse battery" });
    const old = await createKey("Data Export");
    await value("vault.lock");
    expect(await call(t, "rotation.start", { keyId: old.key.id })).toMatchObject({ ok: false, error: { code: "vault_locked" } });
    await value("vault.unlock", { passphrase: "correct horse battery" });
    await value("rotation.start", { keyId: old.key.id });
    expect(await call(t, "rotation.start", { keyId: old.key.id })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
