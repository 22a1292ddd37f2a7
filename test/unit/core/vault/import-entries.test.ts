/**
 * Importing entries with every field (an export's) into a vault: ids, times, metadata, secrets and
 * history kept as they came; an entry present on both sides merged as a backup import merges it;
 * a malformed entry refused before anything is written.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Vault, type FullEntry } from "../../../../core/vault";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir } from "./helpers";

const rotated: FullEntry = {
  id: "stripe",
  kind: "api_key_secret",
  label: "Stripe sync",
  createdAt: "2024-01-02T03:04:05.000Z",
  updatedAt: "2024-06-07T08:09:10.000Z",
  historyCount: 1,
  meta: { keyId: "key_new", previousKeyId: "key_old" },
  secret: "uo_live_new",
  history: [{ secret: "uo_live_old", replacedAt: "2024-06-07T08:09:10.000Z" }],
};
const note: FullEntry = { id: "runbook", kind: "note", label: "Runbook", createdAt: "2023-05-01T00:00:00Z", updatedAt: "2023-05-01T00:00:00Z", historyCount: 0, secret: "step 1", history: [] };

async function vaultAt(now = () => new Date("2025-01-01T00:00:00Z")) {
  return Vault.create(join(await tempDir(), "vault.kwv"), PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null, now });
}

describe("importing entries", () => {
  it("keeps every field, times included, in one save", async () => {
    const vault = await vaultAt();
    expect(await vault.importEntries([rotated, note])).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(vault.info("stripe")).toEqual({ id: "stripe", kind: "api_key_secret", label: "Stripe sync", createdAt: rotated.createdAt, updatedAt: rotated.updatedAt, historyCount: 1, meta: rotated.meta });
    expect(vault.get("stripe")).toBe("uo_live_new");
    expect(vault.history("stripe")).toEqual(rotated.history);
    expect(vault.info("runbook")).toMatchObject({ createdAt: note.createdAt, updatedAt: note.updatedAt });

    // What was written is what opens: the times survive a lock and an unlock.
    vault.lock();
    const reopened = await Vault.open(vault.path, { idleLockMs: null });
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.info("stripe")).toMatchObject({ createdAt: rotated.createdAt, updatedAt: rotated.updatedAt });
    expect(await reopened.importEntries([rotated, note])).toEqual({ added: 0, updated: 0, unchanged: 2 });
    reopened.lock();
  });

  it("merges an entry present on both sides: the newer version wins, the other secret becomes history", async () => {
    const vault = await vaultAt();
    await vault.add({ id: "stripe", kind: "api_key_secret", label: "Stripe sync", secret: "uo_live_mine" });
    expect(await vault.importEntries([rotated])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    // Ours was updated in 2025, the import in 2024: ours stays, the import's secrets become history.
    expect(vault.get("stripe")).toBe("uo_live_mine");
    expect(vault.history("stripe").map((previous) => previous.secret).sort()).toEqual(["uo_live_new", "uo_live_old"]);
    expect(vault.info("stripe").createdAt).toBe(rotated.createdAt);
    vault.lock();
  });

  it("refuses a malformed entry, and writes nothing", async () => {
    const vault = await vaultAt();
    const before = await bytesOf(vault.path);
    for (const bad of [{ ...note, createdAt: "yesterday" }, { ...note, id: "bad id" }, { ...note, secret: "" }, { ...note, history: [{ secret: "", replacedAt: note.createdAt }] }]) {
      expect((await errorOf(() => vault.importEntries([rotated, bad]))).code).toBe("invalid_input");
    }
    expect(vault.list()).toEqual([]);
    expect((await bytesOf(vault.path)).equals(before)).toBe(true);
    vault.lock();
    expect((await errorOf(() => vault.importEntries([note]))).code).toBe("locked");
  });
});
