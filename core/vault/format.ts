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
import { decodeFramed, encodeFramed, fixedPrefix, type ContainerKind, type ContainerParts } from "./container";
import { VaultError } from "./errors";
import { KDF_LIMITS } from "./kdf";

export const FORMAT_VERSION = 1;

const damaged = (why: string) => new VaultError("corrupt", `The vault file is damaged (${why}). Nothing was changed on disk.`);
const cutShort = () => new VaultError("truncated", "The vault file is cut short: it ends before its declared length (an interrupted copy or a full disk?). Nothing was changed on disk.");

/** The personal vault's container: "KEYWARDV", this format's version, errors in the vault's words. */
const VAULT_CONTAINER: ContainerKind = {
  magic: Buffer.from("KEYWARDV", "ascii"),
  version: FORMAT_VERSION,
  errors: {
    cutShort,
    damaged,
    notThisKind: () => damaged("it is not a Keyward vault file"),
    unsupported: (version, flags) =>
      new VaultError(
        "unsupported_version",
        version > FORMAT_VERSION
          ? `This vault was written by a newer Keyward (format ${version}); this version reads format ${FORMAT_VERSION}. Update Keyward to open it.`
          : `This vault uses format ${version}.${flags}, which this version of Keyward cannot read.`,
      ),
    tooLarge: () => new VaultError("invalid_input", "The vault is too large to save."),
  },
};

/** Associated data of the passphrase wrap: binds format version and header (KDF parameters). */
export function wrapAad(headerBytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from("keyward-vault/passphrase-wrap\0"), fixedPrefix(VAULT_CONTAINER), headerBytes]);
}

export function encodeContainer(header: Buffer, body: Buffer, mac: (authenticated: Buffer) => Buffer): Buffer {
  return encodeFramed(VAULT_CONTAINER, header, body, mac);
}

/** Checks the container (lengths, checksum, version) without any key; throws a VaultError. */
export function decodeContainer(bytes: Buffer): ContainerParts {
  return decodeFramed(VAULT_CONTAINER, bytes);
}

export type { ContainerParts };

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
