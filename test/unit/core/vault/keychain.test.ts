import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Vault } from "../../../../core/vault";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir, TestKeychain } from "./helpers";

async function vaultWithEntry() {
  const path = join(await tempDir(), "vault.kwv");
  const vault = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null });
  const { id } = await vault.add({ kind: "admin_token", label: "Workspace", secret: "uo_adm_token" });
  return { path, vault, id };
}

describe("keychain unlock", () => {
  it("once turned on, unlocks a reopened vault without the passphrase", async () => {
    const { path, vault, id } = await vaultWithEntry();
    const keychain = new TestKeychain();
    await vault.enableKeychainUnlock(keychain);
    expect(vault.keychainUnlockEnabled).toBe(true);
    vault.lock();

    const reopened = await Vault.open(path, { idleLockMs: null });
    expect(reopened.keychainUnlockEnabled).toBe(true);
    await reopened.unlockWithKeychain(keychain);
    expect(reopened.get(id)).toBe("uo_adm_token");
    // The passphrase still works too.
    reopened.lock();
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.get(id)).toBe("uo_adm_token");
  });

  it("is refused with a clear message when the OS has no real keychain, and nothing is stored", async () => {
    const { path, vault } = await vaultWithEntry();
    const keychain = new TestKeychain();
    keychain.available = { ok: false, reason: "the only storage is basic_text (no keyring on this Linux desktop)" };
    const before = await bytesOf(path);
    const error = await errorOf(() => vault.enableKeychainUnlock(keychain));
    expect(error.code).toBe("keychain_unavailable");
    expect(error.message).toBe(
      "Keychain unlock cannot be turned on: the only storage is basic_text (no keyring on this Linux desktop). Keyward will not keep the vault key anywhere weaker; the vault stays passphrase-only.",
    );
    expect(keychain.encryptCalls).toBe(0);
    expect(vault.keychainUnlockEnabled).toBe(false);
    expect((await bytesOf(path)).equals(before)).toBe(true);
  });

  it("unlocking with an unavailable keychain, or one never turned on, says so", async () => {
    const { path, vault } = await vaultWithEntry();
    const keychain = new TestKeychain();
    vault.lock();
    const reopened = await Vault.open(path);
    expect((await errorOf(() => reopened.unlockWithKeychain(keychain))).code).toBe("keychain_not_enabled");

    await reopened.unlockWithPassphrase(PASSPHRASE);
    await reopened.enableKeychainUnlock(keychain);
    reopened.lock();
    keychain.available = { ok: false, reason: "the keychain is locked" };
    const error = await errorOf(() => reopened.unlockWithKeychain(keychain));
    expect(error.code).toBe("keychain_unavailable");
    expect(error.message).toBe("The vault cannot be unlocked with the OS keychain: the keychain is locked. Unlock it with the passphrase.");
    expect(reopened.isUnlocked).toBe(false);
  });

  it("a keychain that returns another key (e.g. after a reset) is refused, not trusted", async () => {
    const { path, vault } = await vaultWithEntry();
    await vault.enableKeychainUnlock(new TestKeychain());
    vault.lock();
    const reopened = await Vault.open(path);
    const other = new TestKeychain(); // cannot decrypt what the first one encrypted
    expect((await errorOf(() => reopened.unlockWithKeychain(other))).code).toBe("keychain_unavailable");

    const liar = new TestKeychain();
    liar.decrypt = () => Buffer.alloc(32, 7); // decrypts "fine", to the wrong key
    const error = await errorOf(() => reopened.unlockWithKeychain(liar));
    expect(error.code).toBe("keychain_unavailable");
    expect(error.message).toMatch(/does not open this vault/);
    expect(reopened.isUnlocked).toBe(false);
  });

  it("turning it off removes the keychain copy from the file", async () => {
    const { path, vault } = await vaultWithEntry();
    const keychain = new TestKeychain();
    await vault.enableKeychainUnlock(keychain);
    await vault.disableKeychainUnlock(PASSPHRASE);
    vault.lock();
    const reopened = await Vault.open(path);
    expect(reopened.keychainUnlockEnabled).toBe(false);
    expect((await errorOf(() => reopened.unlockWithKeychain(keychain))).code).toBe("keychain_not_enabled");
  });
});
