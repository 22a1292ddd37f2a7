/**
 * The changes a rotation makes to a team vault entry, each one signed change another member
 * reads and verifies: the new key's secret with the old one as history, the old one put back when
 * the rotation is cancelled, and the history dropped (with the link to the old key) when it ends.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TeamVault } from "../../../core/team-vault";
import { errorOf, keyEntry, makeTeam, tempDir } from "./helpers";

async function sharedEntry() {
  const { alice, bob } = await makeTeam();
  const file = join(await tempDir(), "ops.kwteam");
  const vault = await TeamVault.create(file, alice, { name: "Ops" });
  await vault.addMember(bob);
  const entry = await vault.add(keyEntry("key_old", "Stripe", "uo_live_old_secret"));
  const rotatedMeta = { ...entry.meta!, keyId: "key_new", display: "uo_live_new…xxxx", previousKeyId: "key_old" };
  await vault.updateSecret(entry.id, "uo_live_new_secret", rotatedMeta);
  return { alice, bob, file, vault, entry, rotatedMeta };
}

describe("rotation changes in a team vault", () => {
  it("puts the previous secret back in one signed change, and another member reads the same", async () => {
    const { bob, file, vault, entry } = await sharedEntry();
    const before = vault.changes().length;
    await vault.restorePreviousSecret(entry.id, entry.meta!);
    expect(vault.get(entry.id)).toBe("uo_live_old_secret");
    expect(vault.history(entry.id)).toEqual([]);
    expect(vault.info(entry.id)).toMatchObject({ meta: entry.meta, historyCount: 0 });
    expect(vault.changes().length).toBe(before + 1);
    expect(vault.changes()[0]).toMatchObject({ type: "entry.change", author: "Alice", label: "Stripe", keyChange: { kind: "restored", display: entry.meta!.display ?? null } });
    // The history tells the rotation from an edit: the change before put the new key in.
    expect(vault.changes()[1]).toMatchObject({ type: "entry.change", keyChange: { kind: "rotated", display: "uo_live_new…xxxx" } });

    const asBob = await TeamVault.open(file, bob);
    expect(asBob.get(entry.id)).toBe("uo_live_old_secret");
    expect(asBob.info(entry.id).meta).toEqual(entry.meta);
    asBob.close();
    vault.close();
  });

  it("drops the history and replaces the meta in one signed change", async () => {
    const { bob, file, vault, entry, rotatedMeta } = await sharedEntry();
    const { previousKeyId: _previous, ...finished } = rotatedMeta;
    const before = vault.changes().length;
    await vault.clearHistory(entry.id, finished);
    expect(vault.get(entry.id)).toBe("uo_live_new_secret");
    expect(vault.info(entry.id)).toMatchObject({ meta: finished, historyCount: 0 });
    expect(vault.changes().length).toBe(before + 1);
    expect(vault.changes()[0]).toMatchObject({ keyChange: { kind: "retired", display: "uo_live_new…xxxx" } });
    const asBob = await TeamVault.open(file, bob);
    expect(asBob.history(entry.id)).toEqual([]);
    expect(asBob.info(entry.id).meta).toEqual(finished);
    asBob.close();
    // Without meta, only the history goes; a secret typed in by hand is an edit, not a rotation.
    await vault.updateSecret(entry.id, "uo_live_third_secret");
    expect(vault.changes()[0]!.keyChange).toBeUndefined();
    await vault.clearHistory(entry.id);
    expect(vault.info(entry.id)).toMatchObject({ meta: finished, historyCount: 0 });
    expect(vault.changes()[0]!.keyChange).toBeUndefined();
    vault.close();
  });

  it("refuses to put back a secret an entry never had", async () => {
    const { alice } = await makeTeam();
    const vault = await TeamVault.create(join(await tempDir(), "ops.kwteam"), alice, { name: "Ops" });
    const entry = await vault.add(keyEntry("key_one"));
    const refused = await errorOf(() => vault.restorePreviousSecret(entry.id));
    expect(refused).toMatchObject({ code: "invalid_input", message: expect.stringContaining("has no previous secret") });
    expect(vault.get(entry.id)).toBe(keyEntry("key_one").secret);
    vault.close();
  });
});
