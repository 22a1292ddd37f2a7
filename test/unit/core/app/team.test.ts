/**
 * The team vault in the app core, through the same IPC handlers as the desktop app: identity in
 * the personal vault, a team vault in a shared folder with two members (two app cores on one
 * workspace), live key status, stale clean-up, removal with an exact exposure list, rollback
 * memory across restarts, `.env` import, and encrypted export and import.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { callChannel, channelValue, createTestCore, type TestCore } from "../../../support/app-core";
import { coreTest as it, type AppUnderTest } from "../../../support/core-fixture";
import { tempDir, type TestWorkspace } from "../../../support/test-server";
import { join, split } from "../../team-vault/fileparts";

const PASSPHRASE = "correct horse battery staple";

async function keptKey(app: AppUnderTest, name: string) {
  const created = await app.value("keys.create", { name, scope: "write" });
  const secret = await app.reveal(created.handle);
  await app.value("keys.finishReveal", { handle: created.handle, keepInVault: true });
  const entry = (await app.value("vault.entries")).find((candidate: { meta: { keyId?: string } }) => candidate.meta.keyId === created.key.id);
  return { key: created.key as { id: string; display: string; name: string }, secret, entryId: entry.id as string };
}

async function member(app: TestCore, name: string) {
  await channelValue(app, "vault.create", { passphrase: PASSPHRASE });
  return (await channelValue(app, "team.createIdentity", { name })).identity.identity as { memberId: string; card: string; fingerprint: string };
}

/** A second person on the same workspace, with an app of their own. */
async function secondMember(workspace: TestWorkspace, name: string) {
  const other = createTestCore({ attached: { name: "Test workspace", url: workspace.url, adminToken: workspace.adminToken } });
  await other.core.start();
  return { app: other, identity: await member(other, name) };
}

describe("team vault in the app", () => {
  it("keeps the identity in the personal vault, and says what is missing first", async ({ app }) => {
    expect((await app.value("team.state")).identity).toEqual({ personalVault: "missing", identity: null });
    expect(await app.call("team.createIdentity", { name: "Alice" })).toMatchObject({ ok: false, error: { code: "vault_missing" } });
    const identity = await member(app, "Alice");
    expect(identity.card).toMatch(/^keyward-member:1:Alice:age1/);
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const entries = await app.value("vault.entries");
    expect(entries).toEqual([expect.objectContaining({ kind: "member_identity", meta: { name: "Alice", fingerprint: identity.fingerprint } })]);
    // One identity per person: asking again keeps the first.
    expect((await app.value("team.createIdentity", { name: "Other" })).identity.identity.memberId).toBe(identity.memberId);
    await app.value("vault.lock");
    expect((await app.value("team.state")).identity).toEqual({ personalVault: "locked", identity: null });
    expect(await app.call("team.create", { name: "Ops" })).toMatchObject({ ok: false, error: { code: "vault_locked" } });
  });

  it("shares entries with a second member, shows live status, cleans up stale ones, and lists exactly what a removed member could read", async ({ app, workspace }) => {
    const alice = await member(app, "Alice");
    const folder = tempDir("team-folder");
    app.chooser.answer(folder);
    const created = await app.value("team.create", { name: "Payments team" });
    expect(created.cancelled).toBe(false);
    const file = path.join(folder, "payments-team.kwteam");
    expect(created.state.vault).toMatchObject({ path: file, name: "Payments team", members: [{ name: "Alice", isYou: true, addedBy: "Alice" }] });

    const stripe = await keptKey(app, "Stripe sync");
    const zapier = await keptKey(app, "Zapier");
    await app.value("team.addEntry", { from: "vault", vaultEntryId: stripe.entryId });
    let state = await app.value("team.addEntry", { from: "typed", label: "", secret: zapier.secret });
    expect(state.vault.entries.map((entry: { label: string; link: { status: string; keyId: string } }) => [entry.label, entry.link.status, entry.link.keyId])).toEqual([
      ["Stripe sync", "active", stripe.key.id],
      ["Zapier", "active", zapier.key.id],
    ]);
    expect(JSON.stringify(state)).not.toContain(stripe.secret);

    // Bob is added from his card, after comparing the fingerprint; he opens the same file.
    const bob = await secondMember(workspace, "Bob");
    try {
      const preview = await app.value("team.readCard", { card: `  ${bob.identity.card}\n` });
      expect(preview).toEqual({ memberId: bob.identity.memberId, name: "Bob", fingerprint: bob.identity.fingerprint, alreadyMember: false, isYou: false });
      state = await app.value("team.addMember", { card: bob.identity.card });
      expect(state.vault.members.map((m: { name: string }) => m.name)).toEqual(["Alice", "Bob"]);
      bob.app.chooser.answer(file);
      const opened = await channelValue(bob.app, "team.open", {});
      expect(opened.state.vault.entries.map((entry: { label: string; link: { status: string } }) => [entry.label, entry.link.status])).toEqual([
        ["Stripe sync", "active"],
        ["Zapier", "active"],
      ]);
      await channelValue(bob.app, "team.copySecret", { entryId: opened.state.vault.entries[0].id });
      expect(bob.app.clipboard.text).toBe(stripe.secret);

      // A revoked key makes its entry stale; the clean-up removes it in one save.
      await app.value("keys.revoke", { id: zapier.key.id, reason: "unused" });
      state = await app.value("team.state");
      const zapierEntry = state.vault.entries.find((entry: { label: string }) => entry.label === "Zapier");
      expect(zapierEntry.link.status).toBe("revoked");
      expect(state.vault.staleIds).toEqual([zapierEntry.id]);
      state = await app.value("team.removeEntries", { ids: state.vault.staleIds });
      expect(state.vault.entries.map((entry: { label: string }) => entry.label)).toEqual(["Stripe sync"]);

      // Bob's sync brings that change in.
      const synced = await channelValue(bob.app, "team.sync");
      expect(synced.vault.entries.map((entry: { label: string }) => entry.label)).toEqual(["Stripe sync"]);
      expect(synced.vault.lastMerge).toMatchObject({ added: 0, updated: 0, deleted: 1, conflicts: [], refused: [] });

      // Removing Bob: both keys he could read, with their status now.
      const removed = await app.value("team.removeMember", { memberId: bob.identity.memberId });
      expect(removed.exposure.member).toMatchObject({ name: "Bob", removedBy: "Alice" });
      expect(removed.exposure.rows.map((row: { label: string; keyId: string; entry: string; status: string }) => [row.label, row.keyId, row.entry, row.status])).toEqual([
        ["Stripe sync", stripe.key.id, "present", "active"],
        ["Zapier", zapier.key.id, "deleted", "revoked"],
      ]);
      expect(await app.value("team.exposure", { memberId: bob.identity.memberId })).toEqual(removed.exposure);
      const log = await app.core.activity.read({});
      expect(log.find((event) => event.type === "team_vault.member_removed")?.data).toEqual({ vault: "Payments team", member: "Bob", keysExposed: 2 });

      // Bob's next sync finds he is no longer a member: his copy is closed, and he is told why.
      const refused = await callChannel(bob.app, "team.sync");
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer a member/) } });
      const after = await channelValue(bob.app, "team.state");
      expect(after.vault).toBeNull();
      expect(after.notice).toMatch(/no longer a member/);
      bob.app.chooser.answer(file);
      expect(await callChannel(bob.app, "team.open", {})).toMatchObject({ ok: false, error: { code: "team_not_member", message: expect.stringMatching(/not one of its members|removed/) } });
      expect(alice.memberId).not.toBe(bob.identity.memberId);
    } finally {
      await bob.app.core.dispose();
    }
  });

  it("remembers what it saw across restarts: an older copy put back is refused", async ({ app }) => {
    await member(app, "Alice");
    const folder = tempDir("team-folder");
    app.chooser.answer(folder);
    const { state } = await app.value("team.create", { name: "Ops" });
    const old = fs.readFileSync(state.vault.path);
    await app.value("team.addEntry", { from: "typed", label: "Pager", secret: "pager-secret-1" });
    // Chosen in a dialog, from another folder: the file's own vault id finds what this device saw.
    const moved = path.join(tempDir("elsewhere"), "ops.kwteam");
    fs.writeFileSync(moved, old);
    app.chooser.answer(moved);
    expect(await app.call("team.open", {})).toMatchObject({ ok: false, error: { code: "team_rollback" } });
    await app.restart();
    await app.value("vault.unlock", { passphrase: PASSPHRASE });
    expect((await app.value("team.state")).recent).toEqual([expect.objectContaining({ path: state.vault.path, name: "Ops" })]);
    fs.writeFileSync(state.vault.path, old);
    expect(await app.call("team.open", { path: state.vault.path })).toMatchObject({ ok: false, error: { code: "team_rollback", message: expect.stringMatching(/older than the one this device already opened/) } });
    expect(await app.call("team.open", { path: "/etc/passwd" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("answers with codes of its own: another file, an altered file, an export that is not one", async ({ app }) => {
    await member(app, "Alice");
    app.chooser.answer(tempDir("team-folder"));
    const { state } = await app.value("team.create", { name: "Ops" });
    const notAVault = path.join(tempDir("elsewhere"), "notes.kwteam");
    fs.writeFileSync(notAVault, "just some notes\n");
    app.chooser.answer(notAVault);
    expect(await app.call("team.open", {})).toMatchObject({ ok: false, error: { code: "wrong_file", message: expect.stringMatching(/not a Keyward team vault/) } });
    app.chooser.answer(notAVault);
    expect(await app.call("team.importVault", { target: "team", key: { kind: "identity" } })).toMatchObject({ ok: false, error: { code: "wrong_file" } });

    // The vault's name changed in the file by someone without the team's key (the checksum made right again).
    const bytes = fs.readFileSync(state.vault.path);
    const parts = split(bytes);
    parts.header.name = "Not Ops";
    fs.writeFileSync(state.vault.path, join(parts, null, bytes));
    await app.value("team.close");
    const refused = await app.call("team.open", { path: state.vault.path });
    expect(refused).toMatchObject({ ok: false, error: { code: "team_tampered", message: expect.stringMatching(/^The team vault was altered/) } });
    // The renderer shows the team vault's own words: they never name a secret.
    if (!refused.ok) expect(refused.error.message).not.toMatch(/AGE-SECRET-KEY/);
  });

  it("closes the team vault when the personal vault locks, and opens it again on unlock", async ({ app }) => {
    await member(app, "Alice");
    app.chooser.answer(tempDir("team-folder"));
    await app.value("team.create", { name: "Ops" });
    await app.value("vault.lock");
    const locked = await app.value("team.state");
    expect(locked.vault).toBeNull();
    expect(locked.notice).toMatch(/personal vault locked/);
    await app.value("vault.unlock", { passphrase: PASSPHRASE });
    const reopened = await app.value("team.state");
    expect(reopened.vault).toMatchObject({ name: "Ops" });
    expect(reopened.notice).toBeNull();
  });

  it("imports keys from .env files after a preview, into either vault", async ({ app, workspace }) => {
    await member(app, "Alice");
    app.chooser.answer(tempDir("team-folder"));
    await app.value("team.create", { name: "Ops" });
    const kept = await keptKey(app, "Kept already");
    const fresh = await app.value("keys.create", { name: "Billing", scope: "read" });
    const freshSecret = await app.reveal(fresh.handle);
    await app.value("keys.finishReveal", { handle: fresh.handle, keepInVault: false });
    const envDir = tempDir("env");
    const envFile = path.join(envDir, ".env");
    fs.writeFileSync(envFile, `# service\nBILLING_KEY=${freshSecret}\nKEPT="${kept.secret}"\nADMIN=${workspace.adminToken}\nDATABASE_URL=postgres://x\n`);

    app.chooser.answer(envFile);
    const preview = await app.value("team.envChooseFile", { target: "personal" });
    expect(preview.found.map((found: { variable: string; keyName: string; alreadyThere: boolean }) => [found.variable, found.keyName, found.alreadyThere])).toEqual([
      ["BILLING_KEY", "Billing", false],
      ["KEPT", "Kept already", true],
    ]);
    expect(preview.otherValues).toBe(2); // the admin token and the database URL: neither is looked up
    expect(JSON.stringify(preview)).not.toContain(freshSecret);
    // Nothing is written before the user confirms.
    expect((await app.value("vault.entries")).some((entry: { label: string }) => entry.label === "Billing")).toBe(false);

    const team = await app.value("team.envSetTarget", { target: "team" });
    expect(team.found.map((found: { alreadyThere: boolean }) => found.alreadyThere)).toEqual([false, false]);
    const written = await app.value("team.envWrite", { refs: team.found.map((found: { ref: string }) => found.ref) });
    expect(written).toMatchObject({ added: 2, target: "team" });
    expect(written.state.vault.entries.map((entry: { label: string; link: { status: string } }) => [entry.label, entry.link.status])).toEqual([
      ["Billing", "active"],
      ["Kept already", "active"],
    ]);
    expect(await app.call("team.envWrite", { refs: [team.found[0].ref] })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("exports both vaults encrypted and imports them back with every secret and the history", async ({ app, workspace }) => {
    await member(app, "Alice");
    app.chooser.answer(tempDir("team-folder"));
    await app.value("team.create", { name: "Ops team" });
    const kept = await keptKey(app, "Rotated one");
    await app.value("team.addEntry", { from: "vault", vaultEntryId: kept.entryId });
    await app.value("team.addEntry", { from: "typed", label: "Pager", secret: "pager-secret-1" });
    // A previous secret in the personal vault (what a rotation leaves until the old key is revoked).
    await app.core.vault.replaceSecret(kept.entryId, "next-secret", { keyId: kept.key.id, display: kept.key.display, scope: "write", workspaceId: "attached" });

    expect(await app.call("team.exportVault", { source: "personal", protection: { kind: "me" } })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await app.call("team.exportVault", { source: "personal", protection: { kind: "me" }, vaultPassphrase: "wrong passphrase" })).toMatchObject({ ok: false, error: { code: "wrong_passphrase" } });
    const personal = await app.value("team.exportVault", { source: "personal", protection: { kind: "passphrase", passphrase: "export passphrase 1" }, vaultPassphrase: PASSPHRASE });
    expect(personal.entries).toBe(2);
    expect(personal.path).toMatch(/exports\/keyward-personal-vault-\d{4}-\d\d-\d\d\.age$/);
    expect(fs.readFileSync(personal.path).subarray(0, 21).toString()).toBe("age-encryption.org/v1");
    const team = await app.value("team.exportVault", { source: "team", protection: { kind: "members" } });
    expect(team).toMatchObject({ entries: 2, path: expect.stringMatching(/keyward-ops-team-/) });
    const log = await app.core.activity.read({});
    expect(log.filter((event) => event.type === "vault.exported").map((event) => event.data)).toEqual(expect.arrayContaining([{ file: personal.path, entries: 2 }, { file: team.path, entries: 2 }]));

    // Another person's app: the personal export back, with its history, under the export passphrase.
    const other = createTestCore({ attached: { name: "Test workspace", url: workspace.url, adminToken: workspace.adminToken } });
    await other.core.start();
    try {
      const own = await member(other, "Other");
      other.chooser.answer(personal.path);
      expect(await callChannel(other, "team.importVault", { target: "personal", key: { kind: "passphrase", passphrase: "not it at all" } })).toMatchObject({ ok: false, error: { code: "wrong_passphrase" } });
      other.chooser.answer(personal.path);
      const imported = await channelValue(other, "team.importVault", { target: "personal", key: { kind: "passphrase", passphrase: "export passphrase 1" } });
      expect(imported).toMatchObject({ cancelled: false, added: 2, updated: 0, unchanged: 0, skipped: 0 });
      const entries = await other.core.vault.entries();
      const rotated = entries.find((entry) => entry.id === kept.entryId)!;
      // Every entry keeps its own times, not the import's; but a second team identity comes in dated
      // now, so the one in use (the oldest) stays this person's own.
      const source = await app.core.vault.entries();
      const times = (list: typeof entries) =>
        list.filter((entry) => entry.kind !== "member_identity").map(({ id, createdAt, updatedAt }) => ({ id, createdAt, updatedAt })).sort((a, b) => a.id.localeCompare(b.id));
      expect(times(entries)).toEqual(times(source));
      expect(entries.filter((entry) => entry.kind === "member_identity")).toHaveLength(2);
      expect((await channelValue(other, "team.state")).identity.identity.memberId).toBe(own.memberId);
      expect(rotated).toMatchObject({ kind: "api_key_secret", label: "Rotated one", historyCount: 1, meta: { keyId: kept.key.id, display: kept.key.display, scope: "write", workspaceId: "attached" } });
      expect(await other.core.vault.secretOf(kept.entryId)).toBe("next-secret");
      expect(entries.some((entry) => entry.kind === "member_identity")).toBe(true);
    } finally {
      await other.core.dispose();
    }

    // The team export into a new team vault: every entry, and the identity stays out.
    app.chooser.answer(tempDir("team-folder"));
    await app.value("team.create", { name: "Restored" });
    app.chooser.answer(team.path);
    const restored = await app.value("team.importVault", { target: "team", key: { kind: "identity" } });
    expect(restored).toMatchObject({ added: 2, skipped: 0 });
    expect(restored.state.vault.entries.map((entry: { label: string }) => entry.label)).toEqual(["Pager", "Rotated one"]);
    app.chooser.answer(personal.path);
    const withIdentity = await app.value("team.importVault", { target: "team", key: { kind: "passphrase", passphrase: "export passphrase 1" } });
    expect(withIdentity).toMatchObject({ skipped: 1, added: 1 });
    expect(withIdentity.state.vault.entries.some((entry: { kind: string }) => entry.kind === "member_identity")).toBe(false);
  });
});
