import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Vault } from "../../../../core/vault";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir, TestKeychain } from "./helpers";

const BACKUP_PASSPHRASE = "a different backup passphrase";

async function vaultAt(dir: string, name: string, now?: () => Date) {
  return Vault.create(join(dir, name), PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null, ...(now ? { now } : {}) });
}

describe("encrypted backup", () => {
  it("exports under its own passphrase and imports into an empty vault with everything intact", async () => {
    const dir = await tempDir();
    const source = await vaultAt(dir, "source.kwv");
    const a = await source.add({ id: "a", kind: "api_key_secret", label: "A", secret: "sa1", meta: { keyId: "key_a" } });
    await source.updateSecret("a", "sa2");
    const b = await source.add({ id: "b", kind: "note", label: "B", secret: "sb" });
    await source.enableKeychainUnlock(new TestKeychain());
    const backupPath = join(dir, "backups", "keyward-backup.kwv");
    await source.exportBackup(backupPath, BACKUP_PASSPHRASE);

    // The backup is a vault of its own: only its passphrase opens it, never the keychain.
    const asVault = await Vault.open(backupPath);
    expect(asVault.keychainUnlockEnabled).toBe(false);
    expect((await errorOf(() => asVault.unlockWithPassphrase(PASSPHRASE))).code).toBe("wrong_passphrase");
    expect((await bytesOf(backupPath)).toString("latin1")).not.toContain("sa2");

    const target = await vaultAt(dir, "target.kwv");
    const report = await target.importBackup(backupPath, BACKUP_PASSPHRASE);
    expect(report).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(target.list()).toEqual([{ ...a, updatedAt: target.info("a").updatedAt, historyCount: 1 }, b]);
    expect(target.get("a")).toBe("sa2");
    expect(target.history("a").map((h) => h.secret)).toEqual(["sa1"]);
    expect(target.get("b")).toBe("sb");

    // Importing the same backup again changes nothing.
    expect(await target.importBackup(backupPath, BACKUP_PASSPHRASE)).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it("a wrong backup passphrase imports nothing and says so", async () => {
    const dir = await tempDir();
    const source = await vaultAt(dir, "source.kwv");
    await source.add({ kind: "note", label: "x", secret: "s" });
    const backupPath = join(dir, "backup.kwv");
    await source.exportBackup(backupPath, BACKUP_PASSPHRASE);
    const target = await vaultAt(dir, "target.kwv");
    const before = await bytesOf(target.path);
    const error = await errorOf(() => target.importBackup(backupPath, PASSPHRASE));
    expect(error).toEqual({ code: "wrong_passphrase", message: "The backup passphrase is wrong. Nothing was imported." });
    expect(target.list()).toEqual([]);
    expect((await bytesOf(target.path)).equals(before)).toBe(true);
  });

  it("on conflict the newer side wins and the other side's secret is kept as history", async () => {
    let clock = Date.parse("2025-03-01T00:00:00Z");
    const now = () => new Date(clock);
    const dir = await tempDir();
    const vault = await vaultAt(dir, "vault.kwv", now);
    await vault.add({ id: "k", kind: "api_key_secret", label: "Key", secret: "original" });
    const backupPath = join(dir, "backup.kwv");
    await vault.exportBackup(backupPath, BACKUP_PASSPHRASE); // backup: "original"
    clock += 60_000;
    await vault.updateSecret("k", "rotated"); // vault is newer
    const report = await vault.importBackup(backupPath, BACKUP_PASSPHRASE);
    expect(report).toEqual({ added: 0, updated: 0, unchanged: 1 }); // "original" is already history
    expect(vault.get("k")).toBe("rotated");

    // Now the backup is the newer side.
    const other = await vaultAt(dir, "other.kwv", now);
    await other.add({ id: "k", kind: "api_key_secret", label: "Key", secret: "local-only" });
    clock += 60_000;
    const newer = await vaultAt(dir, "newer.kwv", now);
    await newer.add({ id: "k", kind: "api_key_secret", label: "Key (renamed)", secret: "from-backup" });
    await newer.exportBackup(join(dir, "newer-backup.kwv"), BACKUP_PASSPHRASE);
    expect(await other.importBackup(join(dir, "newer-backup.kwv"), BACKUP_PASSPHRASE)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(other.get("k")).toBe("from-backup");
    expect(other.info("k").label).toBe("Key (renamed)");
    expect(other.history("k").map((h) => h.secret)).toEqual(["local-only"]);
  });

  it("refuses to write a backup over the vault itself", async () => {
    const dir = await tempDir();
    const vault = await vaultAt(dir, "vault.kwv");
    expect((await errorOf(() => vault.exportBackup(vault.path, BACKUP_PASSPHRASE))).code).toBe("invalid_input");
    expect((await errorOf(() => vault.exportBackup(`${vault.path}.bak`, BACKUP_PASSPHRASE))).code).toBe("invalid_input");
  });
});
