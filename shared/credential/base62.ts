/** Base-62 as the credential format defines it: digits 0-9, then A-Z, then a-z, in digit order. */
export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const BASE = BASE62_ALPHABET.length;
// The largest multiple of 62 that fits in a byte: bytes at or above it are dropped so that every
// digit is equally likely (no modulo bias).
const UNBIASED_BYTE_LIMIT = BASE * Math.floor(256 / BASE);

export function isBase62(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text.charCodeAt(i)) < 0) return false;
  }
  return true;
}

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z -> 10..35
  if (code >= 97 && code <= 122) return code - 61; // a-z -> 36..61
  return -1;
}

/** Writes a non-negative integer in base 62, most significant digit first, left-padded with "0". */
export function encodeBase62(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("encodeBase62 needs a non-negative integer");
  let digits = "";
  let rest = value;
  do {
    digits = BASE62_ALPHABET[rest % BASE] + digits;
    rest = Math.floor(rest / BASE);
  } while (rest > 0);
  if (digits.length > width) throw new RangeError(`${value} needs more than ${width} base-62 digits`);
  return digits.padStart(width, "0");
}

/** `length` base-62 characters from the platform CSPRNG (Web Crypto: Node and browsers alike). */
export function randomBase62(length: number): string {
  let out = "";
  const bytes = new Uint8Array(length * 2);
  while (out.length < length) {
    globalThis.crypto.getRandomValues(bytes);
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      const byte = bytes[i]!;
      if (byte < UNBIASED_BYTE_LIMIT) out += BASE62_ALPHABET[byte % BASE];
    }
  }
  return out;
}
