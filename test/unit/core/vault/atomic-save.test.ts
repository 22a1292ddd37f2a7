import { cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SAVE_STEPS, Vault, type SaveStep } from "../../../../core/vault";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir } from "./helpers";

const NORMAL_STEPS = SAVE_STEPS.filter((step) => step !== "preserve-damaged");

/** The labels in the vault at `path`, or the error code when it cannot be opened. */
async function labelsAt(path: string, options: { fallbackToBackup?: boolean } = {}): Promise<string[] | string> {
  try {
    const vault = await Vault.open(path, { idleLockMs: null, ...options });
    await vault.unlockWithPassphrase(PASSPHRASE);
    const labels = vault.list().map((entry) => `${entry.label}=${vault.get(entry.id)}`);
    vault.lock();
    return labels;
  } catch (error) {
    return String((error as { code?: unknown }).code ?? error);
  }
}

/** A vault holding "old"; from then on `hook` runs before each save step (and may throw). */
async function vaultWithOld(hook: (step: SaveStep) => void | Promise<void>) {
  const dir = await tempDir();
  const path = join(dir, "vault.kwv");
  let armed = false;
  const vault = await Vault.create(path, PASSPHRASE, {
    kdf: FAST_KDF,
    idleLockMs: null,
    fsHooks: { beforeStep: async (step) => (armed ? hook(step) : undefined) },
  });
  await vault.add({ id: "e1", kind: "note", label: "old", secret: "v1" });
  armed = true;
  return { dir, path, vault };
}

describe("atomic saves", () => {
  it("goes through every step in order, and keeps the previous version as .bak", async () => {
    const steps: SaveStep[] = [];
    const { dir, path, vault } = await vaultWithOld((step) => void steps.push(step));
    await vault.add({ id: "e2", kind: "note", label: "new", secret: "v2" });
    expect(steps).toEqual(NORMAL_STEPS);
    expect((await readdir(dir)).sort()).toEqual(["vault.kwv", "vault.kwv.bak"]);
    expect(await labelsAt(path)).toEqual(["old=v1", "new=v2"]);
    expect(await labelsAt(`${path}.bak`)).toEqual(["old=v1"]);
  });

  it.each(NORMAL_STEPS)("a save failing at %s leaves the old or the new vault, and the handle consistent", async (failing) => {
    const { dir, path, vault } = await vaultWithOld((step) => {
      if (step === failing) throw Object.assign(new Error(`injected failure at ${step}`), { code: "EIO" });
    });
    const before = await bytesOf(path);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let outcome: string;
    try {
      await vault.add({ id: "e2", kind: "note", label: "new", secret: "v2" });
      outcome = "saved";
    } catch (error) {
      outcome = String((error as { code?: unknown }).code);
    }
    const onDisk = await labelsAt(path);
    if (failing === "fsync-dir" || failing === "backup:fsync-dir") {
      // After a rename the change has happened; an unflushed folder is only a warning.
      expect(outcome).toBe("saved");
      expect(warn).toHaveBeenCalledTimes(failing === "fsync-dir" ? 1 : 0);
    } else {
      expect(outcome).toBe("io");
      expect((await bytesOf(path)).equals(before)).toBe(true);
    }
    const expected = outcome === "saved" ? ["old=v1", "new=v2"] : ["old=v1"];
    expect(onDisk).toEqual(expected);
    expect(vault.list().map((e) => e.label)).toEqual(expected.map((l) => l.split("=")[0]));
    // No temporary file is left behind.
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    // And the vault keeps working.
    await vault.add({ id: "e3", kind: "note", label: "later", secret: "v3" }).catch(() => undefined);
    warn.mockRestore();
  });

  it("a crash at any step (the disk as it was right then) opens as the old or the new vault", async () => {
    const snapshots: Array<{ step: SaveStep; dir: string }> = [];
    const root = await tempDir();
    const { dir, vault } = await vaultWithOld(async (step) => {
      const snapshot = join(root, `crash-at-${step.replace(":", "-")}`);
      await mkdir(snapshot);
      await cp(dir, snapshot, { recursive: true });
      snapshots.push({ step, dir: snapshot });
    });
    await vault.add({ id: "e2", kind: "note", label: "new", secret: "v2" });
    const after = join(root, "after");
    await cp(dir, after, { recursive: true });
    snapshots.push({ step: "after" as SaveStep, dir: after });

    expect(snapshots.map((s) => s.step)).toEqual([...NORMAL_STEPS, "after"]);
    const seen = new Set<string>();
    for (const snapshot of snapshots) {
      const labels = await labelsAt(join(snapshot.dir, "vault.kwv"));
      expect([["old=v1"], ["old=v1", "new=v2"]], `crash at ${snapshot.step}`).toContainEqual(labels);
      seen.add(JSON.stringify(labels));
    }
    expect(seen.size).toBe(2); // both outcomes occur: before and after the rename
  });

  it("a full disk gives an io error a user understands, and the old file stays intact", async () => {
    const { path, vault } = await vaultWithOld((step) => {
      if (step === "write-temp") throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 });
    });
    const before = await bytesOf(path);
    const error = await errorOf(() => vault.updateSecret("e1", "v2"));
    expect(error.code).toBe("io");
    expect(error.message).toBe("Could not save the vault: the disk is full. The vault file on disk is unchanged. Free some disk space and try again.");
    expect((await bytesOf(path)).equals(before)).toBe(true);
    expect(vault.get("e1")).toBe("v1");
    expect(await labelsAt(path)).toEqual(["old=v1"]);
  });
});

describe("recovery from the backup", () => {
  it("refuses a damaged vault by default, pointing at the backup; opts in to open the backup and says so", async () => {
    const { dir, path, vault } = await vaultWithOld(() => undefined);
    await vault.add({ id: "e2", kind: "note", label: "new", secret: "v2" });
    vault.lock();
    const damaged = await bytesOf(path);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0x55;
    await writeFile(path, damaged);

    expect((await errorOf(() => Vault.open(path))).code).toBe("corrupt");
    expect((await bytesOf(path)).equals(damaged)).toBe(true);

    const recovered = await Vault.open(path, { fallbackToBackup: true, idleLockMs: null });
    expect(recovered.recovery?.reason.code).toBe("corrupt");
    expect(recovered.recovery?.backupPath).toBe(`${path}.bak`);
    await recovered.unlockWithPassphrase(PASSPHRASE);
    expect(recovered.list().map((e) => e.label)).toEqual(["old"]);
    expect((await bytesOf(path)).equals(damaged)).toBe(true); // opening changed nothing

    // The first save keeps the damaged file aside rather than losing it.
    await recovered.add({ id: "e3", kind: "note", label: "after recovery", secret: "v3" });
    const names = await readdir(dir);
    const aside = names.find((name) => name.startsWith("vault.kwv.damaged-"));
    expect(aside).toBeDefined();
    expect((await bytesOf(join(dir, aside!))).equals(damaged)).toBe(true);
    expect(await labelsAt(path)).toEqual(["old=v1", "after recovery=v3"]);
  });

  it("falls back when the vault file is missing, and fails clearly when the backup is bad too", async () => {
    const { dir, path, vault } = await vaultWithOld(() => undefined);
    await vault.add({ id: "e2", kind: "note", label: "new", secret: "v2" });
    vault.lock();
    await rm(path);
    const missing = await errorOf(() => Vault.open(path));
    expect(missing.code).toBe("not_found");
    expect(missing.message).toContain("A backup exists");
    expect(await labelsAt(path, { fallbackToBackup: true })).toEqual(["old=v1"]);

    await writeFile(join(dir, "vault.kwv.bak"), "garbage");
    const both = await errorOf(() => Vault.open(path, { fallbackToBackup: true }));
    expect(both.code).toBe("not_found");
    expect(both.message).toMatch(/backup could not be used either/);
  });
});
