import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calibrateKdf, MIN_MEMORY_KIB, Vault } from "../../../../core/vault";
import { FAST_KDF, PASSPHRASE, tempDir } from "./helpers";

describe("Argon2id cost", () => {
  it("calibration never goes below 64 MiB, and a default vault records its calibrated cost", async () => {
    const cost = await calibrateKdf();
    expect(MIN_MEMORY_KIB).toBe(65_536);
    expect(cost.memoryKiB).toBeGreaterThanOrEqual(65_536);
    expect(cost.iterations).toBeGreaterThanOrEqual(2);
    expect(cost.parallelism).toBe(1);

    const path = join(await tempDir(), "vault.kwv");
    const vault = await Vault.create(path, PASSPHRASE, { idleLockMs: null });
    vault.lock();
    const reopened = await Vault.open(path);
    expect(reopened.kdfCost.memoryKiB).toBeGreaterThanOrEqual(65_536);
    const timing = await reopened.unlockWithPassphrase(PASSPHRASE);
    // "About half a second" here; wide bounds, as CI machines vary and tests run in parallel.
    expect(timing.kdfMs).toBeGreaterThan(100);
    expect(timing.kdfMs).toBeLessThan(5_000);
  }, 60_000);

  it("the cost can be raised later and the vault still opens (it is read from the file)", async () => {
    const path = join(await tempDir(), "vault.kwv");
    const vault = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null });
    const { id } = await vault.add({ kind: "note", label: "n", secret: "s" });
    const raised = { memoryKiB: 1024, iterations: 3, parallelism: 2 };
    await vault.changePassphrase(PASSPHRASE, PASSPHRASE, { kdf: raised });
    vault.lock();
    const reopened = await Vault.open(path);
    expect(reopened.kdfCost).toEqual(raised);
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(reopened.get(id)).toBe("s");
  });

  it("refuses a cost outside the bounds", async () => {
    const path = join(await tempDir(), "vault.kwv");
    await expect(Vault.create(path, PASSPHRASE, { kdf: { memoryKiB: 4, iterations: 1, parallelism: 1 } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(Vault.create(path, PASSPHRASE, { kdf: { memoryKiB: 64, iterations: 0, parallelism: 1 } })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
