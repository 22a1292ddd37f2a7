import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Vault } from "../../../../core/vault";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir } from "./helpers";

async function newVault(options: Parameters<typeof Vault.create>[2] = {}) {
  const path = join(await tempDir(), "vault.kwv");
  const vault = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null, ...options });
  return { path, vault };
}

describe("vault entries", () => {
  it("keeps what was put in, and gives the secret back only through get()", async () => {
    const { vault } = await newVault();
    const info = await vault.add({ kind: "api_key_secret", label: "CI deploy", secret: "uo_live_secret-1", meta: { keyId: "key_1" } });
    expect(info).toMatchObject({ kind: "api_key_secret", label: "CI deploy", meta: { keyId: "key_1" }, historyCount: 0 });
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(vault.get(info.id)).toBe("uo_live_secret-1");
    const listed = vault.list();
    expect(listed).toEqual([info]);
    expect(JSON.stringify(listed)).not.toContain("uo_live_secret-1");
  });

  it("is read back the same after closing and reopening from disk", async () => {
    const { path, vault } = await newVault();
    const a = await vault.add({ id: "key_a", kind: "api_key_secret", label: "A", secret: "secret-a" });
    const b = await vault.add({ kind: "admin_token", label: "Admin", secret: "uo_adm_token" });
    const n = await vault.add({ kind: "note", label: "Note", secret: "line 1\nline 2 ✓", meta: JSON.parse('{"__proto__":"x"}') });
    vault.lock();

    const reopened = await Vault.open(path, { idleLockMs: null });
    expect(reopened.isUnlocked).toBe(false);
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.list()).toEqual([a, b, n]);
    expect(reopened.get("key_a")).toBe("secret-a");
    expect(reopened.get(b.id)).toBe("uo_adm_token");
    expect(reopened.get(n.id)).toBe("line 1\nline 2 ✓");
    // A meta key named __proto__ stays a plain key: no prototype was changed on the way.
    const meta = reopened.info(n.id).meta!;
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(Object.keys(meta)).toEqual(["__proto__"]);
  });

  it("the file holds no secret or label in clear", async () => {
    const { path, vault } = await newVault();
    await vault.add({ kind: "api_key_secret", label: "Stripe production", secret: "uo_live_VERYSECRET" });
    const text = (await bytesOf(path)).toString("latin1");
    expect(text).toContain("KEYWARDV");
    expect(text).toContain("argon2id");
    expect(text).not.toContain("VERYSECRET");
    expect(text).not.toContain("Stripe production");
  });

  it("refuses a wrong passphrase with its own code and leaves the file byte for byte", async () => {
    const { path, vault } = await newVault();
    await vault.add({ kind: "api_key_secret", label: "A", secret: "s" });
    vault.lock();
    const before = await bytesOf(path);
    const reopened = await Vault.open(path);
    const error = await errorOf(() => reopened.unlockWithPassphrase("correct horse battery stapler"));
    expect(error.code).toBe("wrong_passphrase");
    expect(error.message).toMatch(/passphrase is wrong/);
    expect(reopened.isUnlocked).toBe(false);
    expect((await bytesOf(path)).equals(before)).toBe(true);
  });

  it("normalizes the passphrase (NFC), so é typed either way opens the vault", async () => {
    const path = join(await tempDir(), "v.kwv");
    (await Vault.create(path, "caf\u00e9 au lait", { kdf: FAST_KDF })).lock();
    const vault = await Vault.open(path);
    await vault.unlockWithPassphrase("cafe\u0301 au lait");
    expect(vault.isUnlocked).toBe(true);
  });

  it("updateSecret keeps the old secret as history, newest first", async () => {
    let clock = Date.parse("2025-01-01T00:00:00Z");
    const { path, vault } = await newVault({ now: () => new Date(clock) });
    const { id } = await vault.add({ kind: "api_key_secret", label: "Zapier", secret: "old-1" });
    clock += 1000;
    await vault.updateSecret(id, "new-2");
    clock += 1000;
    const info = await vault.updateSecret(id, "new-3");
    expect(info.historyCount).toBe(2);
    expect(info.updatedAt).toBe("2025-01-01T00:00:02.000Z");
    expect(info.createdAt).toBe("2025-01-01T00:00:00.000Z");
    expect(vault.get(id)).toBe("new-3");
    expect(vault.history(id)).toEqual([
      { secret: "new-2", replacedAt: "2025-01-01T00:00:02.000Z" },
      { secret: "old-1", replacedAt: "2025-01-01T00:00:01.000Z" },
    ]);
    // The same secret again is no change.
    expect((await vault.updateSecret(id, "new-3")).historyCount).toBe(2);
    vault.lock();
    const reopened = await Vault.open(path);
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.history(id).map((h) => h.secret)).toEqual(["new-2", "old-1"]);
  });

  it("clearHistory drops previous secrets and keeps the current one, on disk too", async () => {
    const { path, vault } = await newVault();
    const { id } = await vault.add({ kind: "api_key_secret", label: "Zapier", secret: "old-1" });
    await vault.updateSecret(id, "new-2");
    expect((await vault.clearHistory(id)).historyCount).toBe(0);
    expect(vault.history(id)).toEqual([]);
    vault.lock();
    const reopened = await Vault.open(path);
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.get(id)).toBe("new-2");
    expect(reopened.history(id)).toEqual([]);
  });

  it("history is capped at the history limit, dropping the oldest", async () => {
    const { vault } = await newVault({ historyLimit: 2 });
    const { id } = await vault.add({ kind: "api_key_secret", label: "A", secret: "s0" });
    for (const secret of ["s1", "s2", "s3"]) await vault.updateSecret(id, secret);
    expect(vault.history(id).map((h) => h.secret)).toEqual(["s2", "s1"]);
  });

  it("update changes label, kind and meta but not the secret; remove deletes", async () => {
    const { vault } = await newVault();
    const { id } = await vault.add({ kind: "api_key_secret", label: "Old", secret: "s", meta: { a: "1" } });
    const updated = await vault.update(id, { label: "New", kind: "note", meta: { b: "2" } });
    expect(updated).toMatchObject({ label: "New", kind: "note", meta: { b: "2" } });
    expect((await vault.update(id, { meta: null })).meta).toBeUndefined();
    expect(vault.get(id)).toBe("s");
    await vault.remove(id);
    expect(vault.list()).toEqual([]);
    expect((await errorOf(() => vault.get(id))).code).toBe("not_found");
    expect((await errorOf(() => vault.remove(id))).code).toBe("not_found");
  });

  it("refuses bad input and duplicate ids without touching the file", async () => {
    const { path, vault } = await newVault();
    await vault.add({ id: "dup", kind: "note", label: "x", secret: "s" });
    const before = await bytesOf(path);
    expect((await errorOf(() => vault.add({ id: "dup", kind: "note", label: "y", secret: "t" }))).code).toBe("already_exists");
    expect((await errorOf(() => vault.add({ kind: "note", label: " ", secret: "t" }))).code).toBe("invalid_input");
    expect((await errorOf(() => vault.add({ kind: "note", label: "x", secret: "" }))).code).toBe("invalid_input");
    expect((await errorOf(() => vault.add({ kind: "password" as "note", label: "x", secret: "t" }))).code).toBe("invalid_input");
    expect((await errorOf(() => vault.add({ id: "../etc", kind: "note", label: "x", secret: "t" }))).code).toBe("invalid_input");
    expect((await errorOf(() => vault.addMany([{ id: "n1", kind: "note", label: "x", secret: "t" }, { id: "n1", kind: "note", label: "x", secret: "t" }]))).code).toBe("already_exists");
    expect((await bytesOf(path)).equals(before)).toBe(true);
    expect(vault.list().map((e) => e.id)).toEqual(["dup"]);
  });

  it("create refuses to replace an existing file and an empty passphrase", async () => {
    const { path } = await newVault();
    const before = await bytesOf(path);
    expect((await errorOf(() => Vault.create(path, PASSPHRASE, { kdf: FAST_KDF }))).code).toBe("already_exists");
    expect((await errorOf(() => Vault.create(path + "2", "", { kdf: FAST_KDF }))).code).toBe("invalid_input");
    expect((await bytesOf(path)).equals(before)).toBe(true);
  });

  it("create refuses to start over next to an earlier vault's backup, which a later save would overwrite", async () => {
    const { path, vault } = await newVault();
    await vault.add({ kind: "note", label: "x", secret: "s" }); // leaves vault.kwv.bak
    vault.lock();
    await rm(path);
    const error = await errorOf(() => Vault.create(path, PASSPHRASE, { kdf: FAST_KDF }));
    expect(error.code).toBe("already_exists");
    expect(error.message).toContain(`${path}.bak`);
  });

  it("open of a missing file says not_found", async () => {
    const dir = await tempDir();
    const error = await errorOf(() => Vault.open(join(dir, "nope.kwv")));
    expect(error.code).toBe("not_found");
  });
});

describe("passphrase change", () => {
  it("needs the current passphrase; afterwards only the new one opens the vault", async () => {
    const { path, vault } = await newVault();
    const { id } = await vault.add({ kind: "note", label: "x", secret: "kept" });
    const before = await bytesOf(path);
    expect((await errorOf(() => vault.changePassphrase("not it", "new passphrase"))).code).toBe("wrong_passphrase");
    expect((await bytesOf(path)).equals(before)).toBe(true);

    await vault.changePassphrase(PASSPHRASE, "new passphrase", { kdf: { memoryKiB: 128, iterations: 2, parallelism: 1 } });
    expect(vault.get(id)).toBe("kept");
    vault.lock();
    const reopened = await Vault.open(path);
    expect(reopened.kdfCost).toEqual({ memoryKiB: 128, iterations: 2, parallelism: 1 });
    expect((await errorOf(() => reopened.unlockWithPassphrase(PASSPHRASE))).code).toBe("wrong_passphrase");
    await reopened.unlockWithPassphrase("new passphrase");
    expect(reopened.get(id)).toBe("kept");
  });
});
