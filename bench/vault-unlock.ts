/**
 * Vault unlock at 10,000 entries: everything but Argon2id must stay small next to it. Creates a
 * vault with the default (calibrated) KDF cost in a temporary folder, then times open + unlock a
 * few times and reports the median KDF time, the median of the rest, and their ratio (goal < 0.10).
 * Run alone with `npx tsx bench/vault-unlock.ts`.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Vault, type NewEntry } from "../core/vault";

const ENTRIES = 10_000;
const RUNS = 5;
const PASSPHRASE = "correct horse battery staple";

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export async function benchVaultUnlock(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "keyward-bench-vault-"));
  try {
    const path = join(dir, "vault.kwv");
    const created = await Vault.create(path, PASSPHRASE, { idleLockMs: null });
    const inputs: NewEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
      kind: i % 10 === 0 ? "admin_token" : "api_key_secret",
      label: `integration ${i} (production)`,
      secret: `uo_live_${i.toString(36).padStart(32, "x")}abcdef`,
      meta: { keyId: `key_${i}`, workspace: "local" },
    }));
    await created.addMany(inputs);
    created.lock();
    const { memoryKiB, iterations, parallelism } = created.kdfCost;
    const size = (await stat(path)).size;
    console.log(`vault-unlock: ${ENTRIES} entries, file ${(size / 1024 / 1024).toFixed(1)} MiB, argon2id m=${memoryKiB} KiB t=${iterations} p=${parallelism}`);

    const kdf: number[] = [];
    const rest: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const vault = await Vault.open(path, { idleLockMs: null });
      const opened = performance.now() - started;
      const timing = await vault.unlockWithPassphrase(PASSPHRASE);
      if (vault.list().length !== ENTRIES || vault.get(vault.list()[ENTRIES - 1]!.id) !== inputs[ENTRIES - 1]!.secret) throw new Error("vault-unlock: wrong content after unlock");
      vault.lock();
      kdf.push(timing.kdfMs);
      rest.push(opened + timing.totalMs - timing.kdfMs);
    }
    const kdfMs = median(kdf);
    const restMs = median(rest);
    console.log(`vault-unlock kdf-ms: ${kdfMs.toFixed(1)}`);
    console.log(`vault-unlock rest-ms (read, check, parse, MAC, index): ${restMs.toFixed(1)}`);
    console.log(`vault-unlock-overhead-ratio: ${(restMs / kdfMs).toFixed(3)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchVaultUnlock();
}
