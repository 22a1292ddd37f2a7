import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Vault } from "../../../../core/vault";
import { openSession, readImage, unwrapWithPassphrase } from "../../../../core/vault/image";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir, TestKeychain } from "./helpers";

/** Every vault-format file in the folder (the vault, its backup, and any copy set aside). */
async function vaultFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => name.includes("vault.kwv")).map((name) => join(dir, name));
}

/** Whether `dataKey` opens the file (its MAC and index): what an attacker holding that key could read. */
async function keyOpens(file: string, dataKey: Buffer): Promise<boolean> {
  try {
    openSession(readImage(await bytesOf(file)), Buffer.from(dataKey));
    return true;
  } catch {
    return false;
  }
}

async function keychainVault() {
  const dir = await tempDir();
  const path = join(dir, "vault.kwv");
  const vault = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null });
  const keychain = new TestKeychain();
  await vault.enableKeychainUnlock(keychain);
  const { id } = await vault.add({ kind: "api_key_secret", label: "CI", secret: "uo_live_first" });
  await vault.add({ kind: "admin_token", label: "Prod", secret: "uo_adm_second" }); // the backup now holds the keychain wrap too
  const wrap = readImage(await bytesOf(path)).keychainWrap!;
  const oldDataKey = keychain.decrypt(Buffer.from(wrap, "base64"));
  return { dir, path, vault, keychain, id, oldDataKey };
}

describe("rekeying", () => {
  it("turning keychain unlock off leaves no file in the folder that the old keychain wrap opens", async () => {
    const { dir, path, vault, id, oldDataKey } = await keychainVault();
    for (const file of await vaultFiles(dir)) expect(await keyOpens(file, oldDataKey)).toBe(true);

    await vault.disableKeychainUnlock(PASSPHRASE);

    const files = await vaultFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(2); // the vault and its backup
    for (const file of files) {
      expect(await keyOpens(file, oldDataKey)).toBe(false);
      expect(readImage(await bytesOf(file)).keychainWrap).toBeNull();
    }
    expect(vault.get(id)).toBe("uo_live_first");
    vault.lock();
    const reopened = await Vault.open(path, { idleLockMs: null });
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.get(id)).toBe("uo_live_first");
    expect(reopened.list()).toHaveLength(2);
  });

  it("turning it off needs the passphrase; a wrong one changes nothing", async () => {
    const { path, vault } = await keychainVault();
    const before = await bytesOf(path);
    expect((await errorOf(() => vault.disableKeychainUnlock("not the passphrase"))).code).toBe("wrong_passphrase");
    expect((await bytesOf(path)).equals(before)).toBe(true);
    expect(vault.keychainUnlockEnabled).toBe(true);
  });

  it("a passphrase change makes a new data key: neither the old passphrase nor the old key opens any file", async () => {
    const { dir, path, vault, id, oldDataKey } = await keychainVault();
    await vault.changePassphrase(PASSPHRASE, "a brand new passphrase");
    for (const file of await vaultFiles(dir)) {
      expect(await keyOpens(file, oldDataKey)).toBe(false);
      const image = readImage(await bytesOf(file));
      expect((await errorOf(() => unwrapWithPassphrase(image, PASSPHRASE))).code).toBe("wrong_passphrase");
    }
    vault.lock();
    const reopened = await Vault.open(path, { idleLockMs: null });
    expect((await errorOf(() => reopened.unlockWithPassphrase(PASSPHRASE))).code).toBe("wrong_passphrase");
    await reopened.unlockWithPassphrase("a brand new passphrase");
    expect(reopened.get(id)).toBe("uo_live_first");
  });
});
