import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberCardText, TeamVault } from "../../../core/team-vault";
import { dataKeyWith, openPart, split, subkey } from "./fileparts";
import { errorOf, keyEntry, makeTeam, tempDir } from "./helpers";

describe("a team of three sharing one file", () => {
  it("each member opens the file with their own identity, and sees who made each change", async () => {
    const dir = await tempDir();
    const { alice, bob, carol } = await makeTeam();
    const path = join(dir, "payments.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Payments" });
    await a.addMember(memberCardText(bob));
    await a.addMember(memberCardText(carol));
    await a.add(keyEntry("k_stripe", "Stripe webhook"));

    const b = await TeamVault.open(path, bob);
    const c = await TeamVault.open(path, carol);
    const stripeId = b.list()[0]!.id;
    expect(b.get(stripeId)).toBe(keyEntry("k_stripe").secret);
    expect(c.get(stripeId)).toBe(keyEntry("k_stripe").secret);
    await c.updateSecret(stripeId, "uo_live_rotated", { keyId: "k_stripe2", display: "uo_live_rot…ated" });
    await b.add(keyEntry("k_github", "GitHub sync"));

    const again = await TeamVault.open(path, alice);
    expect(again.list().map((e) => [e.label, e.createdBy, e.updatedBy]).sort()).toEqual([
      ["GitHub sync", "Bob", "Bob"],
      ["Stripe webhook", "Alice", "Carol"],
    ]);
    expect(again.get(stripeId)).toBe("uo_live_rotated");
    expect(again.history(stripeId).map((h) => h.secret)).toEqual([keyEntry("k_stripe").secret]);
    expect(again.members().map((m) => [m.name, m.addedBy, m.isYou])).toEqual([
      ["Alice", "Alice", true],
      ["Bob", "Alice", false],
      ["Carol", "Alice", false],
    ]);
    const log = again.changes().map((c) => `${c.author} ${c.type} ${c.label ?? c.member}`);
    expect(log.slice(0, 3)).toEqual(["Bob entry.add GitHub sync", "Carol entry.change Stripe webhook", "Alice entry.add Stripe webhook"]);
    expect(again.info(stripeId).meta).toEqual({ keyId: "k_stripe2", display: "uo_live_rot…ated" });
    expect(log.at(-1)).toBe("Alice vault.create Alice");
    for (const v of [a, b, c, again]) v.close();
  });

  it("a removed member's identity opens neither the file after the removal nor anything added since, even with the old key", async () => {
    const dir = await tempDir();
    const { alice, bob, carol } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    await a.addMember(carol);
    await a.add(keyEntry("k_before", "Before"));
    const carolsCopy = await readFile(path); // what Carol's machine holds when she leaves

    const { member } = await a.removeMember(carol.id);
    expect(member).toMatchObject({ name: "Carol", removedBy: "Alice" });
    await a.add(keyEntry("k_after", "After"));

    const refused = await errorOf(() => TeamVault.open(path, carol));
    expect(refused.code).toBe("not_a_member");
    expect(refused.message).toContain("you are not one of its members, or you were removed");

    // Her old copy still opens (she could read it then), and it lacks what came after.
    const oldDir = await tempDir("carol");
    await writeFile(join(oldDir, "team.kwteam"), carolsCopy);
    const hers = await TeamVault.open(join(oldDir, "team.kwteam"), carol);
    expect(hers.list().map((e) => e.label)).toEqual(["Before"]);
    hers.close();

    // With the old data key, taken from her copy with the standard age package, the new file's parts do not decrypt.
    const now = await readFile(path);
    const oldKey = await dataKeyWith(carolsCopy, carol.ageIdentity);
    const { header, body } = split(now);
    const oldSeal = subkey(oldKey, "seal");
    expect(openPart(oldSeal, body.index, `keyward-team/v1/index\0${header.vaultId as string}`)).toBeNull();
    expect(openPart(oldSeal, body.history, `keyward-team/v1/history\0${header.vaultId as string}`)).toBeNull();
    for (const [id, sealed] of body.entries) expect(openPart(oldSeal, sealed, `keyward-team/v1/entry\0${header.vaultId as string}\0${id}`)).toBeNull();
    await expect(dataKeyWith(now, carol.ageIdentity)).rejects.toThrow();
    // ...while the remaining members' identities do unwrap the new key.
    expect((await dataKeyWith(now, bob.ageIdentity)).equals(oldKey)).toBe(false);
    a.close();
  });

  it("lists exactly what a removed member could read: entries before, during and deleted, not after", async () => {
    const dir = await tempDir();
    const { alice, bob, carol } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    const [gone] = await a.addMany([keyEntry("k_gone_before", "Deleted before she joined")]);
    await a.remove(gone!.id);
    const [kept, deletedLater] = await a.addMany([keyEntry("k_kept", "Kept"), keyEntry("k_del", "Deleted while she was a member")]);
    const [rotatedAfter] = await a.addMany([keyEntry("k_rot_after", "Rotated after she left")]);

    await a.addMember(carol);
    const b = await TeamVault.open(path, bob);
    const [during] = await b.addMany([keyEntry("k_during", "Added while she was a member")]);
    await b.remove(deletedLater!.id);
    const [rotated] = await b.addMany([keyEntry("k_rot1", "Rotated while she was a member")]);
    await b.updateSecret(rotated!.id, "uo_live_second", { keyId: "k_rot2", display: "uo_live_sec…cond", workspaceId: "ws-local" });
    const [note] = await b.addMany([{ kind: "note", label: "Shared note", secret: "door code 1234" }]);

    const { exposure } = await a.removeMember(carol.id);
    await a.add(keyEntry("k_after", "Added after she left"));
    await a.updateSecret(rotatedAfter!.id, "uo_live_new", { keyId: "k_rot_after2" });

    const rows = (list: typeof exposure) => list.map((r) => [r.label, r.keyId, r.entry]).sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`));
    const expected = [
      ["Added while she was a member", "k_during", "present"],
      ["Deleted while she was a member", "k_del", "deleted"],
      ["Kept", "k_kept", "present"],
      ["Rotated after she left", "k_rot_after", "present"],
      ["Rotated while she was a member", "k_rot1", "changed"],
      ["Rotated while she was a member", "k_rot2", "present"],
      ["Shared note", null, "present"],
    ];
    expect(rows(exposure)).toEqual(expected);
    // Later changes do not widen her list; a key rotated after she left shows as changed (rotated).
    const later = rows(a.exposure(carol.id));
    expect(later).toEqual(expected.map((r) => (r[1] === "k_rot_after" ? [r[0], r[1], "changed"] : r)));
    const withIds = a.exposure(carol.id);
    expect(withIds.find((r) => r.keyId === "k_kept")).toMatchObject({ entryId: kept!.id, display: "uo_live_k_kept…xxxx", workspaceId: "ws-local" });
    expect(withIds.find((r) => r.keyId === "k_during")?.entryId).toBe(during!.id);
    expect(withIds.find((r) => r.keyId === null)?.entryId).toBe(note!.id);
    expect(a.formerMembers().map((m) => m.name)).toEqual(["Carol"]);
    // A current member's list has everything live plus what was deleted while they were in.
    expect(a.exposure(bob.id).map((r) => r.keyId)).toContain("k_after");
    a.close();
    b.close();
  });

  it("a member can leave: the others keep the vault, and the leaver can neither open nor change it", async () => {
    const dir = await tempDir();
    const { alice, bob } = await makeTeam();
    const path = join(dir, "t.kwteam");
    const a = await TeamVault.create(path, alice, { name: "T" });
    await a.addMember(bob);
    await a.add(keyEntry("k1"));
    const b = await TeamVault.open(path, bob);
    const { exposure } = await b.removeMember(bob.id);
    expect(exposure.map((r) => r.keyId)).toEqual(["k1"]);
    expect(await errorOf(() => b.add(keyEntry("k2")))).toMatchObject({ code: "not_a_member", message: 'You are no longer a member of the team vault "T", so it cannot be changed with your identity.' });
    expect((await errorOf(() => TeamVault.open(path, bob))).code).toBe("not_a_member");
    await a.add(keyEntry("k3"));
    expect(a.members().map((m) => m.name)).toEqual(["Alice"]);
    expect(a.changes().slice(1, 3).map((c) => `${c.author} ${c.type}`)).toEqual(["Bob member.remove", "Bob rekey"]);
    a.close();
    b.close();
  });

  it("refuses to add a member twice or to remove the last member", async () => {
    const dir = await tempDir();
    const { alice, bob } = await makeTeam();
    const a = await TeamVault.create(join(dir, "t.kwteam"), alice, { name: "T" });
    await a.addMember(bob);
    expect((await errorOf(() => a.addMember(memberCardText(bob)))).code).toBe("already_exists");
    await a.removeMember(bob.id);
    expect((await errorOf(() => a.removeMember(alice.id))).code).toBe("invalid_input");
    expect((await errorOf(() => TeamVault.create(join(dir, "t.kwteam"), alice, { name: "Again" }))).code).toBe("already_exists");
    a.close();
  });
});
