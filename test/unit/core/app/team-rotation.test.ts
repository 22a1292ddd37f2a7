/**
 * Rotations reach the team vault, through the same IPC handlers as the desktop app, on a real
 * workspace: the entry holding the old key gets the new key's secret as soon as it exists (one
 * signed change by the member who rotated, which a second member reads after a sync), a cancelled
 * rotation puts the old key back, revoking the old key drops it from the history, and a team vault
 * closed at the time gets the change when it opens again, if the new secret is still at hand.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { callChannel, channelValue, createTestCore, type TestCore } from "../../../support/app-core";
import { coreTest as it, type AppUnderTest } from "../../../support/core-fixture";
import { tempDir, type TestWorkspace } from "../../../support/test-server";
import type { RotationEvent } from "../../../../core/app/rotation/rotation-service";

const PASSPHRASE = "correct horse battery staple";

type EntryView = { id: string; label: string; historyCount: number; meta: Record<string, string>; updatedBy: string; link: { keyId: string; status: string; display: string } };

/** A key of the workspace; kept in the personal vault or not (then only the team vault holds it). */
async function workspaceKey(app: AppUnderTest, name: string, keepInVault: boolean) {
  const created = await app.value("keys.create", { name, scope: "write" });
  const secret = await app.reveal(created.handle);
  await app.value("keys.finishReveal", { handle: created.handle, keepInVault });
  return { key: created.key as { id: string; display: string }, secret };
}

async function member(app: TestCore, name: string) {
  await channelValue(app, "vault.create", { passphrase: PASSPHRASE });
  return (await channelValue(app, "team.createIdentity", { name })).identity.identity as { memberId: string; card: string };
}

/** Alice's team vault (she is set up already) with Bob in it and open on his side too, and one shared entry per key. */
async function sharedVault(app: AppUnderTest, workspace: TestWorkspace, keys: Array<{ secret: string; label: string }>) {
  app.chooser.answer(tempDir("team-folder"));
  const { state } = await app.value("team.create", { name: "Ops" });
  for (const { secret, label } of keys) await app.value("team.addEntry", { from: "typed", label, secret });
  const bob = createTestCore({ attached: { name: "Test workspace", url: workspace.url, adminToken: workspace.adminToken } });
  await bob.core.start();
  const card = (await member(bob, "Bob")).card;
  await app.value("team.addMember", { card });
  bob.chooser.answer(state.vault.path);
  await channelValue(bob, "team.open", {});
  return { file: state.vault.path as string, bob };
}

async function entryOf(core: TestCore, label: string): Promise<EntryView> {
  const state = await channelValue(core, "team.state");
  return state.vault.entries.find((entry: EntryView) => entry.label === label);
}

async function copied(core: TestCore, entryId: string): Promise<string> {
  await channelValue(core, "team.copySecret", { entryId });
  return core.clipboard.text;
}

async function startRotation(app: AppUnderTest, keyId: string) {
  const { created } = await app.value("rotation.start", { keyId });
  return { key: created.key as { id: string; display: string }, secret: await app.reveal(created.handle) };
}

async function finishNow(app: AppUnderTest, oldKeyId: string) {
  await app.value("rotation.move", { oldKeyId, to: "verify" });
  await app.value("rotation.move", { oldKeyId, to: "revoke" });
  await app.value("rotation.finish", { oldKeyId, revoke: "now", confirmRecentUse: true });
}

describe("rotation events", () => {
  it("name keys without their secrets, give the new secret on asking, and a failing listener never fails the rotation", async ({ app }) => {
    await member(app, "Alice");
    const old = await workspaceKey(app, "Stripe sync", true);
    const events: RotationEvent[] = [];
    const secrets: Array<string | null> = [];
    const stop = app.core.rotations.onRotationEvent(async (event) => {
      events.push(event);
      if (event.type === "generated") secrets.push(await event.newSecret());
      throw new Error("a listener that fails");
    });
    const next = await startRotation(app, old.key.id);
    await app.value("rotation.cancel", { oldKeyId: old.key.id, revokeNewKey: true });
    stop();
    expect(events.map((event) => event.type)).toEqual(["generated", "cancelled"]);
    expect(events[0]).toMatchObject({ oldKey: { id: old.key.id, display: old.key.display, scope: "write" }, newKey: { id: next.key.id, display: next.key.display } });
    expect(events[1]).toMatchObject({ oldKeyId: old.key.id, newKeyId: next.key.id, newKeyRevoked: true, previousScope: "write" });
    expect(secrets).toEqual([next.secret]);
    expect(JSON.stringify(events)).not.toContain(next.secret);
    expect(JSON.stringify(events)).not.toContain(old.secret);
    await startRotation(app, old.key.id);
    expect(events).toHaveLength(2);
  });
});

describe("rotations in the team vault", () => {
  it("gives the entry the new key as soon as it exists, which a second member reads after a sync, and drops the old one once it is revoked", async ({ app, workspace }) => {
    await member(app, "Alice");
    const stripe = await workspaceKey(app, "Stripe sync", true);
    const zapier = await workspaceKey(app, "Zapier", false);
    const { bob } = await sharedVault(app, workspace, [
      { label: "Stripe sync", secret: stripe.secret },
      { label: "Zapier", secret: zapier.secret },
    ]);
    try {
      // The key kept in the personal vault: both vaults hold the new key once it is generated.
      const next = await startRotation(app, stripe.key.id);
      let entry = await entryOf(app, "Stripe sync");
      expect(entry.link).toMatchObject({ keyId: next.key.id, status: "active", display: next.key.display });
      expect(entry.meta).toMatchObject({ keyId: next.key.id, previousKeyId: stripe.key.id, display: next.key.display, scope: "write" });
      expect(entry.historyCount).toBe(1);
      expect(await copied(app, entry.id)).toBe(next.secret);
      const history = await app.value("team.history");
      expect(history[0]).toMatchObject({ type: "entry.change", author: "Alice", label: "Stripe sync" });

      // Bob's next sync brings it in: his copy gives the new secret, and the entry links to the new key.
      await channelValue(bob, "team.sync");
      const bobs = await entryOf(bob, "Stripe sync");
      expect(bobs).toMatchObject({ updatedBy: "Alice", link: { keyId: next.key.id, status: "active" } });
      expect(await copied(bob, bobs.id)).toBe(next.secret);

      // The old key revoked at the end: its secret leaves the team vault's history, and the meta no longer names it.
      await finishNow(app, stripe.key.id);
      entry = await entryOf(app, "Stripe sync");
      expect(entry.historyCount).toBe(0);
      expect(entry.meta.previousKeyId).toBeUndefined();
      expect(entry.link).toMatchObject({ keyId: next.key.id, status: "active" });
      expect((await app.value("team.state")).vault.staleIds).toEqual([]);

      // A key only the team vault holds: the rotation's held secret goes in.
      const zapierNext = await startRotation(app, zapier.key.id);
      const zapierEntry = await entryOf(app, "Zapier");
      expect(zapierEntry.link.keyId).toBe(zapierNext.key.id);
      expect(await copied(app, zapierEntry.id)).toBe(zapierNext.secret);

      // Nothing of it crossed to the renderer, nor into team.json.
      const state = JSON.stringify(await app.value("team.state"));
      const teamJson = fs.readFileSync(path.join(app.dataDir, "team.json"), "utf8");
      for (const secret of [next.secret, stripe.secret, zapierNext.secret]) {
        expect(state).not.toContain(secret);
        expect(teamJson).not.toContain(secret);
      }
    } finally {
      await bob.core.dispose();
    }
  });

  it("puts the old key back when the rotation is cancelled and the new key revoked", async ({ app, workspace }) => {
    await member(app, "Alice");
    const stripe = await workspaceKey(app, "Stripe sync", true);
    const { bob } = await sharedVault(app, workspace, [{ label: "Stripe sync", secret: stripe.secret }]);
    try {
      const next = await startRotation(app, stripe.key.id);
      expect((await entryOf(app, "Stripe sync")).link.keyId).toBe(next.key.id);
      await app.value("rotation.cancel", { oldKeyId: stripe.key.id, revokeNewKey: true });
      const entry = await entryOf(app, "Stripe sync");
      expect(entry.link).toMatchObject({ keyId: stripe.key.id, display: stripe.key.display });
      // The old key works (the workspace may still name the revoked successor, hence "rotated").
      expect(entry.link.status).not.toMatch(/revoked|expired/);
      expect(entry.meta).toMatchObject({ keyId: stripe.key.id, display: stripe.key.display, scope: "write" });
      expect(entry.meta.previousKeyId).toBeUndefined();
      expect(entry.historyCount).toBe(0);
      expect(await copied(app, entry.id)).toBe(stripe.secret);
      await channelValue(bob, "team.sync");
      expect(await copied(bob, (await entryOf(bob, "Stripe sync")).id)).toBe(stripe.secret);
    } finally {
      await bob.core.dispose();
    }
  });

  it("brings a rotation made while the team vault was closed into it when it opens, if the new secret is still at hand; otherwise the entry is stale", async ({ app, workspace }) => {
    await member(app, "Alice");
    const kept = await workspaceKey(app, "Stripe sync", true);
    const typed = await workspaceKey(app, "Zapier", false);
    const { file, bob } = await sharedVault(app, workspace, [
      { label: "Stripe sync", secret: kept.secret },
      { label: "Zapier", secret: typed.secret },
    ]);
    try {
      await app.value("team.close");
      const keptNext = await startRotation(app, kept.key.id);
      const typedNext = await startRotation(app, typed.key.id);
      await finishNow(app, typed.key.id);
      // A restart: Keyward holds no secret any more. The personal vault has the kept key's new secret; nothing has the other's.
      await app.restart();
      await app.value("vault.unlock", { passphrase: PASSPHRASE });
      await app.value("team.open", { path: file });
      const stripe = await entryOf(app, "Stripe sync");
      expect(stripe).toMatchObject({ historyCount: 1, link: { keyId: keptNext.key.id, status: "active" } });
      expect(await copied(app, stripe.id)).toBe(keptNext.secret);
      const zapier = await entryOf(app, "Zapier");
      expect(zapier.link).toMatchObject({ keyId: typed.key.id, status: "revoked" });
      expect((await app.value("team.state")).vault.staleIds).toEqual([zapier.id]);
      expect(typedNext.key.id).not.toBe(typed.key.id);

      await channelValue(bob, "team.sync");
      expect(await copied(bob, (await entryOf(bob, "Stripe sync")).id)).toBe(keptNext.secret);
    } finally {
      await bob.core.dispose();
    }
  });

  it("says so when the team vault cannot take the new key, without failing the rotation, and tries again at the next open", async ({ app, workspace }) => {
    await member(app, "Alice");
    const stripe = await workspaceKey(app, "Stripe sync", true);
    const { file, bob } = await sharedVault(app, workspace, [{ label: "Stripe sync", secret: stripe.secret }]);
    try {
      const good = fs.readFileSync(file);
      fs.writeFileSync(file, "not a team vault any more");
      const next = await startRotation(app, stripe.key.id);
      const state = await app.value("team.state");
      expect(state.notice).toMatch(/^A key rotated on this computer could not be updated in this team vault/);
      expect(state.vault.entries[0].link.keyId).toBe(stripe.key.id);
      // The file is put back (a sync tool's hiccup, say): the next open brings the new key in.
      fs.writeFileSync(file, good);
      await app.value("team.close");
      const reopened = await app.value("team.open", { path: file });
      expect(reopened.state.notice).toBeNull();
      expect(reopened.state.vault.entries[0].link.keyId).toBe(next.key.id);
      await channelValue(bob, "team.sync");
      expect(await copied(bob, (await entryOf(bob, "Stripe sync")).id)).toBe(next.secret);
    } finally {
      await bob.core.dispose();
    }
  });

  it("opens the team vault again as soon as the personal vault is unlocked, so a rotation right after reaches it", async ({ app, workspace }) => {
    await member(app, "Alice");
    const stripe = await workspaceKey(app, "Stripe sync", true);
    const { bob } = await sharedVault(app, workspace, [{ label: "Stripe sync", secret: stripe.secret }]);
    try {
      await app.value("vault.lock");
      await app.value("vault.unlock", { passphrase: PASSPHRASE });
      // No call on the team vault in between: Bob sees the new key all the same.
      const next = await startRotation(app, stripe.key.id);
      await channelValue(bob, "team.sync");
      const bobs = await entryOf(bob, "Stripe sync");
      expect(bobs.link.keyId).toBe(next.key.id);
      expect(await copied(bob, bobs.id)).toBe(next.secret);
      expect(await callChannel(app, "team.state")).toMatchObject({ ok: true, value: { notice: null, vault: { name: "Ops" } } });
    } finally {
      await bob.core.dispose();
    }
  });
});
