/*
 * Argon2id (hash-wasm) turns the passphrase into the key that wraps the vault's data key.
 * Protects against: offline guessing of a stolen vault file, by making each guess cost about half
 * a second and at least 64 MiB of memory on this machine (memory-hard, so GPUs gain little); the
 * cost lives in the file's authenticated header, so it can be raised later without breaking old
 * files. Does not protect against: a weak passphrase (guessing stays possible, only slow), or
 * malware reading the passphrase as it is typed. The passphrase bytes are zeroed after use.
 */
import { argon2id } from "hash-wasm";
import { KEY_BYTES, randomBytesUnpooled } from "./crypto";
import { VaultError } from "./errors";

/** What a guess costs; stored in the vault header next to the salt. */
export interface KdfCost {
  /** Memory in KiB (65536 = 64 MiB). */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface KdfParams extends KdfCost {
  algorithm: "argon2id";
  /** Argon2 version 1.3 (0x13). */
  version: 19;
  salt: Buffer;
}

export const ARGON2_VERSION = 19;
export const SALT_BYTES = 16;
/** The floor for every calibrated (default) vault: 64 MiB. */
export const MIN_MEMORY_KIB = 65_536;
export const DEFAULT_TARGET_MS = 500;
/** Bounds a file may ask for; a larger ask is treated as damage, not obeyed (no 1 TiB allocation). */
export const KDF_LIMITS = { memoryKiB: { min: 8, max: 4 * 1024 * 1024 }, iterations: { min: 1, max: 1000 }, parallelism: { min: 1, max: 16 } };
const MIN_CALIBRATED_ITERATIONS = 2;
const MAX_CALIBRATED_ITERATIONS = 64;

export function newKdfParams(cost: KdfCost): KdfParams {
  return { algorithm: "argon2id", version: ARGON2_VERSION, salt: randomBytesUnpooled(SALT_BYTES), ...cost };
}

/** Passphrases are compared as NFC-normalized UTF-8, so "é" typed either way opens the vault. */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize("NFC"), "utf8");
}

/** The 32-byte key-encryption key for `passphrase` under `params`; the caller zeroes it. */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  const password = passphraseBytes(passphrase);
  try {
    const output = await argon2id({
      password,
      salt: params.salt,
      memorySize: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
      hashLength: KEY_BYTES,
      outputType: "binary",
    });
    const key = Buffer.alloc(KEY_BYTES);
    key.set(output);
    output.fill(0);
    return key;
  } finally {
    password.fill(0);
  }
}

async function timeOnce(memoryKiB: number, iterations: number): Promise<number> {
  const params = newKdfParams({ memoryKiB, iterations, parallelism: 1 });
  const started = performance.now();
  const key = await deriveKey("calibration", params);
  const elapsed = performance.now() - started;
  key.fill(0);
  return elapsed;
}

/**
 * Picks the iterations that make one derivation take about `targetMs` here, at `memoryKiB`
 * (never below 64 MiB). Argon2's time is a fixed part (filling the memory) plus a part per
 * iteration, so it times 1 and 3 iterations and solves for both, rather than scaling one run.
 */
export async function calibrateKdf(options: { targetMs?: number; memoryKiB?: number } = {}): Promise<KdfCost> {
  const targetMs = options.targetMs ?? DEFAULT_TARGET_MS;
  const memoryKiB = Math.max(MIN_MEMORY_KIB, Math.floor(options.memoryKiB ?? MIN_MEMORY_KIB));
  await timeOnce(8, 1); // compiles the WebAssembly module outside the measurement
  const one = await timeOnce(memoryKiB, 1);
  const three = await timeOnce(memoryKiB, 3);
  const perIteration = Math.max((three - one) / 2, 1);
  const fixed = Math.max(one - perIteration, 0);
  const iterations = Math.round((targetMs - fixed) / perIteration);
  return {
    memoryKiB,
    iterations: Math.min(MAX_CALIBRATED_ITERATIONS, Math.max(MIN_CALIBRATED_ITERATIONS, iterations)),
    parallelism: 1,
  };
}

/** Refuses a cost outside the bounds a vault file may hold (files themselves are checked by the schema). */
export function assertKdfCost(cost: KdfCost): void {
  for (const name of ["memoryKiB", "iterations", "parallelism"] as const) {
    const value = cost[name];
    const { min, max } = KDF_LIMITS[name];
    if (!Number.isInteger(value) || value < min || value > max) throw new VaultError("invalid_input", `The KDF ${name} must be an integer from ${min} to ${max}.`);
  }
  if (cost.memoryKiB < 8 * cost.parallelism) throw new VaultError("invalid_input", "The KDF memoryKiB must be at least 8 × parallelism.");
}
