import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { isVaultError, type KdfCost, type KeychainAdapter, type VaultErrorCode } from "../../../../core/vault";

/** Small Argon2id cost so tests stay fast; one test checks the calibrated default separately. */
export const FAST_KDF: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };
export const PASSPHRASE = "correct horse battery staple";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder under the OS temp dir, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "keyward-vault-test-"));
  dirs.push(dir);
  return dir;
}

export const bytesOf = (path: string): Promise<Buffer> => readFile(path);

/** Runs `action` and returns the VaultError code it threw (fails the test if it did not throw one). */
export async function errorOf(action: () => unknown): Promise<{ code: VaultErrorCode; message: string }> {
  try {
    await action();
  } catch (error) {
    if (isVaultError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a VaultError, but nothing was thrown");
}

/** A stand-in for Electron safeStorage: real AES-256-GCM under a per-adapter test key. */
export class TestKeychain implements KeychainAdapter {
  readonly key = randomBytes(32);
  available: { ok: true } | { ok: false; reason: string } = { ok: true };
  encryptCalls = 0;

  isAvailable() {
    return this.available;
  }

  encrypt(plain: Buffer): Buffer {
    this.encryptCalls += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  decrypt(blob: Buffer): Buffer {
    const decipher = createDecipheriv("aes-256-gcm", this.key, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
  }
}
