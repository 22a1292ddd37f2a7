import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Vault, type LockReason } from "../../../../core/vault";
import { dataKeyForTests } from "../../../../core/vault/vault";
import { errorOf, FAST_KDF, PASSPHRASE, tempDir } from "./helpers";

afterEach(() => {
  vi.useRealTimers();
});

async function unlockedVault(idleLockMs: number | null = null) {
  const path = join(await tempDir(), "vault.kwv");
  const vault = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF, idleLockMs });
  const { id } = await vault.add({ kind: "api_key_secret", label: "A", secret: "uo_live_x" });
  return { path, vault, id };
}

describe("locking", () => {
  it("lock zeroes the data key Buffer that was in use, and every read then says locked", async () => {
    const { vault, id } = await unlockedVault();
    const key = dataKeyForTests(vault)!;
    expect(key.length).toBe(32);
    expect(key.some((byte) => byte !== 0)).toBe(true);
    vault.lock();
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(dataKeyForTests(vault)).toBeNull();
    expect(vault.isUnlocked).toBe(false);
    for (const read of [() => vault.get(id), () => vault.list(), () => vault.history(id), () => vault.add({ kind: "note", label: "n", secret: "s" })]) {
      const error = await errorOf(read);
      expect(error.code).toBe("locked");
      expect(error.message).toBe("The vault is locked. Unlock it first.");
    }
  });

  it("tells lock listeners once, with the reason, and stops telling a removed listener", async () => {
    const { vault } = await unlockedVault();
    const heard: LockReason[] = [];
    const off = vault.onLock(({ reason }) => heard.push(reason));
    vault.onLock(() => {
      throw new Error("a broken listener must not stop the lock");
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vault.lock("screen_lock");
    vault.lock(); // already locked: no second event
    await vault.unlockWithPassphrase(PASSPHRASE);
    off();
    vault.lock();
    quiet.mockRestore();
    expect(heard).toEqual(["screen_lock"]);
  });

  it("locks itself after the idle time; touch() and secret reads postpone it, list() does not", async () => {
    vi.useFakeTimers();
    const { vault, id } = await unlockedVault(60_000);
    const heard: LockReason[] = [];
    vault.onLock(({ reason }) => heard.push(reason));

    vi.advanceTimersByTime(59_000);
    vault.touch();
    vi.advanceTimersByTime(59_000);
    expect(vault.get(id)).toBe("uo_live_x"); // reading a secret is activity too
    vi.advanceTimersByTime(30_000);
    expect(vault.list()).toHaveLength(1); // a status poll is not
    vi.advanceTimersByTime(29_000);
    expect(vault.isUnlocked).toBe(true);
    expect(heard).toEqual([]);

    vi.advanceTimersByTime(1_001);
    expect(vault.isUnlocked).toBe(false);
    expect(heard).toEqual(["idle"]);
    expect((await errorOf(() => vault.get(id))).code).toBe("locked");
  });

  it("the idle time can be changed or turned off while unlocked", async () => {
    vi.useFakeTimers();
    const { vault } = await unlockedVault(60_000);
    vault.setIdleLock(null);
    vi.advanceTimersByTime(10 * 60_000);
    expect(vault.isUnlocked).toBe(true);
    vault.setIdleLock(1_000);
    vi.advanceTimersByTime(1_000);
    expect(vault.isUnlocked).toBe(false);
    expect((await errorOf(() => vault.setIdleLock(-5))).code).toBe("invalid_input");
  });

  it("a lock during an unlock in progress wins", async () => {
    const { path } = await unlockedVault();
    const vault = await Vault.open(path, { idleLockMs: null });
    const unlocking = vault.unlockWithPassphrase(PASSPHRASE);
    vault.lock();
    expect((await errorOf(() => unlocking)).code).toBe("locked");
    expect(vault.isUnlocked).toBe(false);
  });
});
