/*
 * Small AES-256-GCM, HKDF and HMAC helpers over node:crypto for the vault.
 * Protects against: reading or silently changing what is sealed (GCM authenticates ciphertext,
 * IV and associated data; a wrong key or any flipped bit gives `null`, never garbage), and IV
 * reuse (every seal draws a fresh random 96-bit IV). Does not protect against: an attacker who
 * can read this process's memory while the vault is unlocked; Buffers are zeroed when we are done
 * with them, but JavaScript strings (a secret handed to the caller) cannot be wiped.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomFillSync, timingSafeEqual } from "node:crypto";

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** An AES-256-GCM result; `ciphertext` ends with the 16-byte tag. */
export interface Sealed {
  iv: Buffer;
  ciphertext: Buffer;
}

/** A fresh random key in its own (unpooled) Buffer, so zeroing it wipes no one else's bytes. */
export function randomKey(): Buffer {
  return randomFillSync(Buffer.alloc(KEY_BYTES));
}

export function randomBytesUnpooled(length: number): Buffer {
  return randomFillSync(Buffer.alloc(length));
}

export function seal(key: Buffer, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytesUnpooled(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, ciphertext };
}

/** Returns the plaintext (the caller zeroes it when done) or null when authentication fails. */
export function unseal(key: Buffer, sealed: Sealed, aad: Uint8Array): Buffer | null {
  const { iv, ciphertext } = sealed;
  if (iv.length !== IV_BYTES || ciphertext.length < TAG_BYTES) return null;
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
  const first = decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES));
  try {
    const last = decipher.final();
    const plain = Buffer.concat([first, last]);
    first.fill(0);
    return plain;
  } catch {
    first.fill(0);
    return null;
  }
}

/** A subkey for one purpose (e.g. the file MAC), so the data key is never used for two jobs. */
export function deriveSubkey(key: Buffer, purpose: string): Buffer {
  const raw = hkdfSync("sha256", key, Buffer.alloc(0), purpose, KEY_BYTES);
  const view = new Uint8Array(raw);
  const subkey = Buffer.from(view);
  view.fill(0);
  return subkey;
}

export function hmacSha256(key: Buffer, data: Uint8Array): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

export function sha256(data: Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function wipe(...buffers: Array<Uint8Array | null | undefined>): void {
  for (const buffer of buffers) buffer?.fill(0);
}
