/*
 * The vault file format, version 1: a binary container around two UTF-8 JSON parts.
 *
 *   offset 0   "KEYWARDV"                 magic, 8 bytes
 *          8   format version             u16 big-endian (1)
 *         10   flags                      u16, 0 (any other value: a format this reader lacks)
 *         12   header length H            u32 BE
 *         16   body length B              u32 BE
 *         20   first 4 bytes of SHA-256(bytes 0..20), so the lengths themselves can be trusted
 *         24   header: JSON, H bytes      vault id, KDF algorithm, salt and cost
 *     24 + H   body: JSON, B bytes        wrapped data keys, sealed index, sealed entries
 *  24 + H + B  HMAC-SHA256 (32 bytes)     keyed by a subkey of the data key, over all bytes before
 *      ...+32  SHA-256 (32 bytes)         over all bytes before: tells damage from a wrong passphrase
 *
 * Protects against: undetected damage or tampering. Bytes 0..12 plus the header bytes are the
 * associated data of the passphrase-wrapped data key, so the version and the KDF parameters are
 * authenticated; the HMAC covers every byte. The trailing SHA-256 is unkeyed: it lets us say
 * "damaged" (rather than "wrong passphrase") for accidents, but proves nothing against an
 * attacker, who is caught by the AES-GCM tags and the HMAC. Does not protect against rollback to
 * an older, genuine vault file: nothing outside the file remembers which one is the newest.
 * The layout of the first 24 bytes and the trailing SHA-256 stay the same in every version.
 */
import { z } from "zod";
import { sha256 } from "./crypto";
import { VaultError } from "./errors";
import { KDF_LIMITS } from "./kdf";

export const FORMAT_VERSION = 1;
const MAGIC = Buffer.from("KEYWARDV", "ascii");
const PREFIX_BYTES = 24;
const MAC_BYTES = 32;
const SUM_BYTES = 32;
const MAX_PART_BYTES = 0xffff_ffff;

/** Magic, version and flags: the first 12 bytes of every file of this version. */
function fixedPrefix(): Buffer {
  const prefix = Buffer.alloc(12);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, 8);
  prefix.writeUInt16BE(0, 10);
  return prefix;
}

/** Associated data of the passphrase wrap: binds format version and header (KDF parameters). */
export function wrapAad(headerBytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from("keyward-vault/passphrase-wrap\0"), fixedPrefix(), headerBytes]);
}

export function encodeContainer(header: Buffer, body: Buffer, mac: (authenticated: Buffer) => Buffer): Buffer {
  if (header.length > MAX_PART_BYTES || body.length > MAX_PART_BYTES) throw new VaultError("invalid_input", "The vault is too large to save.");
  const macStart = PREFIX_BYTES + header.length + body.length;
  const out = Buffer.alloc(macStart + MAC_BYTES + SUM_BYTES);
  fixedPrefix().copy(out, 0);
  out.writeUInt32BE(header.length, 12);
  out.writeUInt32BE(body.length, 16);
  sha256(out.subarray(0, 20)).copy(out, 20, 0, 4);
  header.copy(out, PREFIX_BYTES);
  body.copy(out, PREFIX_BYTES + header.length);
  mac(out.subarray(0, macStart)).copy(out, macStart);
  sha256(out.subarray(0, macStart + MAC_BYTES)).copy(out, macStart + MAC_BYTES);
  return out;
}

export interface ContainerParts {
  header: Buffer;
  body: Buffer;
  /** The bytes the HMAC covers. */
  authenticated: Buffer;
  mac: Buffer;
}

const damaged = (why: string) => new VaultError("corrupt", `The vault file is damaged (${why}). Nothing was changed on disk.`);
const cutShort = () => new VaultError("truncated", "The vault file is cut short: it ends before its declared length (an interrupted copy or a full disk?). Nothing was changed on disk.");

/** Checks the container (lengths, checksum, version) without any key; throws a VaultError. */
export function decodeContainer(bytes: Buffer): ContainerParts {
  if (bytes.length < MAGIC.length) {
    if (MAGIC.subarray(0, bytes.length).equals(bytes)) throw cutShort();
    throw damaged("it is not a Keyward vault file");
  }
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged("it is not a Keyward vault file");
  if (bytes.length < PREFIX_BYTES) throw cutShort();
  if (!sha256(bytes.subarray(0, 20)).subarray(0, 4).equals(bytes.subarray(20, 24))) throw damaged("its header check failed");
  const headerLength = bytes.readUInt32BE(12);
  const bodyLength = bytes.readUInt32BE(16);
  const macStart = PREFIX_BYTES + headerLength + bodyLength;
  const total = macStart + MAC_BYTES + SUM_BYTES;
  if (bytes.length < total) throw cutShort();
  if (bytes.length > total) throw damaged("it has unexpected bytes at its end");
  if (!sha256(bytes.subarray(0, total - SUM_BYTES)).equals(bytes.subarray(total - SUM_BYTES))) throw damaged("its checksum does not match");
  const version = bytes.readUInt16BE(8);
  const flags = bytes.readUInt16BE(10);
  if (version !== FORMAT_VERSION || flags !== 0) {
    throw new VaultError(
      "unsupported_version",
      version > FORMAT_VERSION
        ? `This vault was written by a newer Keyward (format ${version}); this version reads format ${FORMAT_VERSION}. Update Keyward to open it.`
        : `This vault uses format ${version}.${flags}, which this version of Keyward cannot read.`,
    );
  }
  return {
    header: bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength),
    body: bytes.subarray(PREFIX_BYTES + headerLength, macStart),
    authenticated: bytes.subarray(0, macStart),
    mac: bytes.subarray(macStart, macStart + MAC_BYTES),
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Parses one JSON part of the file against its schema; anything off is damage. */
export function parseJsonPart<T>(bytes: Uint8Array, schema: z.ZodType<T>, part: string): T {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw damaged(`its ${part} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(`its ${part} does not have the expected shape`);
  return parsed.data;
}

export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "utf8");
}

// ---- schemas of version 1 ----
// Sealed values (AES-256-GCM) are stored as one base64 string: 12-byte IV, ciphertext, 16-byte tag.
// The two lists that grow with the vault (entries, index) are checked by hand in lists.ts: zod
// took about 7 µs per entry, most of an unlock's non-KDF time at 10,000 entries.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const base64Length = (s: string): number => (s.length / 4) * 3 - (s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0);
const base64 = (minBytes: number, maxBytes = Number.MAX_SAFE_INTEGER) =>
  z.string().refine((s) => BASE64.test(s) && base64Length(s) >= minBytes && base64Length(s) <= maxBytes);
/** Smallest sealed value: IV and tag around an empty plaintext. */
export const MIN_SEALED_BYTES = 12 + 16;
export const isoDate = z.iso.datetime();

export const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const ENTRY_KIND = /^[a-z][a-z0-9_]{0,63}$/;

export const KdfSchema = z
  .strictObject({
    algorithm: z.literal("argon2id"),
    version: z.literal(19),
    salt: base64(16, 64),
    memoryKiB: z.int().min(KDF_LIMITS.memoryKiB.min).max(KDF_LIMITS.memoryKiB.max),
    iterations: z.int().min(KDF_LIMITS.iterations.min).max(KDF_LIMITS.iterations.max),
    parallelism: z.int().min(KDF_LIMITS.parallelism.min).max(KDF_LIMITS.parallelism.max),
  })
  .refine((kdf) => kdf.memoryKiB >= 8 * kdf.parallelism);

export const HeaderSchema = z.strictObject({ vaultId: z.uuid(), createdAt: isoDate, kdf: KdfSchema });
export type HeaderJson = z.infer<typeof HeaderSchema>;

export const BodySchema = z.strictObject({
  /** The data key sealed with the Argon2id key; associated data: `wrapAad(header)`. */
  passphraseWrap: base64(MIN_SEALED_BYTES + 32, MIN_SEALED_BYTES + 32),
  /** The data key as the OS keychain adapter encrypted it, or null when keychain unlock is off. */
  keychainWrap: base64(1).nullable(),
  /** The sealed index (see lists.ts): every entry's metadata, decrypted at unlock. */
  index: z.string().min(40),
  /** `[id, sealed secrets]` pairs (see lists.ts). */
  entries: z.array(z.unknown()),
});

/** One sealed entry: its secret and the secrets it replaced, newest first. Checked at each `get`. */
export const SecretsSchema = z.strictObject({
  secret: z.string(),
  history: z.array(z.strictObject({ secret: z.string(), replacedAt: isoDate })),
});
export type SecretsJson = z.infer<typeof SecretsSchema>;
