/*
 * The vault file in memory ("image") and the keyed steps that open and rebuild it.
 * Protects against: a wrong passphrase or key being taken for a right one (AES-GCM on the wrapped
 * data key), any change to the file being accepted after unlock (HMAC over every byte, checked
 * before anything is decrypted), entries being swapped between ids (the id is each entry's
 * associated data). Does not protect against: memory inspection while unlocked, or rollback to an
 * older genuine file. An image holds only ciphertext; a Session holds the keys and the metadata.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { deriveSubkey, equalBytes, hmacSha256, IV_BYTES, KEY_BYTES, randomKey, seal, unseal, wipe, type Sealed } from "./crypto";
import type { EntryInfo, FullEntry } from "./entries";
import { VaultError } from "./errors";
import {
  BodySchema,
  decodeContainer,
  encodeContainer,
  HeaderSchema,
  jsonBytes,
  parseJsonPart,
  SecretsSchema,
  wrapAad,
  type HeaderJson,
  type SecretsJson,
} from "./format";
import { deriveKey, type KdfParams } from "./kdf";
import { encodeEntryList, encodeIndex, parseEntryList, parseIndex } from "./lists";

export interface VaultImage {
  /** The whole file, exactly as read or written. */
  bytes: Buffer;
  headerBytes: Buffer;
  header: HeaderJson;
  kdf: KdfParams;
  /** Sealed values are base64 strings, kept as in the file so that saving re-encodes nothing. */
  passphraseWrap: string;
  keychainWrap: string | null;
  index: string;
  /** Entry id → its sealed secrets. */
  entries: Map<string, string>;
  authenticated: Buffer;
  mac: Buffer;
}

/** What an unlocked vault holds: the data key, the MAC key derived from it, and the decrypted metadata. */
export interface Session {
  dataKey: Buffer;
  macKey: Buffer;
  index: Map<string, EntryInfo>;
}

const INDEX_AAD = Buffer.from("keyward-vault/index\0");
const MAC_PURPOSE = "keyward-vault/file-mac";
const entryAad = (id: string) => Buffer.from(`keyward-vault/entry\0${id}`);
const corrupt = (why: string) => new VaultError("corrupt", `The vault file is damaged or was altered (${why}). Nothing was changed on disk.`);

const toSealed = (base64: string): Sealed => {
  const bytes = Buffer.from(base64, "base64");
  return { iv: bytes.subarray(0, IV_BYTES), ciphertext: bytes.subarray(IV_BYTES) };
};
const toBase64 = (sealed: Sealed): string => Buffer.concat([sealed.iv, sealed.ciphertext]).toString("base64");

/** Parses a file without any key: structure, checksum, version. Throws a VaultError. */
export function readImage(bytes: Buffer): VaultImage {
  const parts = decodeContainer(bytes);
  const header = parseJsonPart(parts.header, HeaderSchema, "header");
  const body = parseJsonPart(parts.body, BodySchema, "body");
  const entries = parseEntryList(body.entries);
  const { salt, ...cost } = header.kdf;
  return {
    bytes,
    headerBytes: parts.header,
    header,
    kdf: { ...cost, salt: Buffer.from(salt, "base64") },
    passphraseWrap: body.passphraseWrap,
    keychainWrap: body.keychainWrap,
    index: body.index,
    entries,
    authenticated: parts.authenticated,
    mac: parts.mac,
  };
}

export function newHeader(kdf: KdfParams, vaultId: string = randomUUID(), createdAt = new Date().toISOString()): { header: HeaderJson; headerBytes: Buffer } {
  const { salt, ...cost } = kdf;
  const header: HeaderJson = { vaultId, createdAt, kdf: { ...cost, salt: salt.toString("base64") } };
  return { header, headerBytes: jsonBytes(header) };
}

export function wrapDataKey(kek: Buffer, dataKey: Buffer, headerBytes: Buffer): string {
  return toBase64(seal(kek, dataKey, wrapAad(headerBytes)));
}

/** Derives the passphrase key and unwraps the data key; a failed tag means a wrong passphrase. */
export async function unwrapWithPassphrase(image: VaultImage, passphrase: string): Promise<{ dataKey: Buffer; kdfMs: number }> {
  const started = performance.now();
  const kek = await deriveKey(passphrase, image.kdf);
  const kdfMs = performance.now() - started;
  try {
    const plain = unseal(kek, toSealed(image.passphraseWrap), wrapAad(image.headerBytes));
    if (!plain || plain.length !== KEY_BYTES) {
      wipe(plain);
      throw new VaultError("wrong_passphrase", "The passphrase is wrong. Nothing was changed.");
    }
    return { dataKey: ownKey(plain), kdfMs };
  } finally {
    kek.fill(0);
  }
}

/** Copies key bytes into a Buffer of their own and zeroes the source. */
export function ownKey(source: Uint8Array): Buffer {
  const key = Buffer.alloc(KEY_BYTES);
  key.set(source);
  source.fill(0);
  return key;
}

/** Checks the file MAC with this data key, then decrypts the index. Takes ownership of `dataKey`. */
export function openSession(image: VaultImage, dataKey: Buffer): Session {
  const macKey = deriveSubkey(dataKey, MAC_PURPOSE);
  try {
    if (!equalBytes(hmacSha256(macKey, image.authenticated), image.mac)) throw corrupt("its authentication code does not match");
    const plain = unseal(dataKey, toSealed(image.index), INDEX_AAD);
    if (!plain) throw corrupt("its index does not decrypt");
    let items: EntryInfo[];
    try {
      items = parseIndex(parseJsonPart(plain, z.unknown(), "index"));
    } finally {
      plain.fill(0);
    }
    const index = new Map<string, EntryInfo>();
    for (const item of items) {
      if (index.has(item.id) || !image.entries.has(item.id)) throw corrupt("its index does not match its entries");
      index.set(item.id, item);
    }
    if (index.size !== image.entries.size) throw corrupt("its index does not match its entries");
    return { dataKey, macKey, index };
  } catch (error) {
    wipe(dataKey, macKey);
    throw error;
  }
}

export function closeSession(session: Session): void {
  wipe(session.dataKey, session.macKey);
  session.index.clear();
}

export function sealSecrets(dataKey: Buffer, id: string, secrets: SecretsJson): string {
  const plain = jsonBytes(secrets);
  try {
    return toBase64(seal(dataKey, plain, entryAad(id)));
  } finally {
    plain.fill(0);
  }
}

export function openSecrets(dataKey: Buffer, id: string, sealed: string): SecretsJson {
  const plain = unseal(dataKey, toSealed(sealed), entryAad(id));
  if (!plain) throw corrupt(`entry ${id} does not decrypt`);
  try {
    return parseJsonPart(plain, SecretsSchema, `entry ${id}`);
  } finally {
    plain.fill(0);
  }
}

/** Where entries live: metadata in the index, sealed secrets beside it (an image's draft, or a session with its image). */
export interface EntryStore {
  index: Map<string, EntryInfo>;
  entries: ReadonlyMap<string, string>;
}

export function entryInfo(store: Pick<EntryStore, "index">, id: string): EntryInfo {
  const info = store.index.get(id);
  if (!info) throw new VaultError("not_found", `There is no vault entry with id ${id}.`);
  return info;
}

/** One entry with its secrets, decrypted with `dataKey`. */
export function readEntry(dataKey: Buffer, store: EntryStore, id: string): FullEntry {
  const info = entryInfo(store, id);
  const sealed = store.entries.get(id);
  if (sealed === undefined) throw corrupt(`entry ${id} has no sealed secret`);
  const { secret, history } = openSecrets(dataKey, id, sealed);
  return { ...info, ...(info.meta ? { meta: { ...info.meta } } : {}), secret, history };
}

/** Seals the entry's secrets into `store` and records its metadata; returns the metadata. */
export function storeEntry(dataKey: Buffer, store: { index: Map<string, EntryInfo>; entries: Map<string, string> }, entry: FullEntry): EntryInfo {
  const { secret, history, ...fields } = entry;
  const info: EntryInfo = { ...fields, historyCount: history.length };
  store.entries.set(info.id, sealSecrets(dataKey, info.id, { secret, history }));
  store.index.set(info.id, info);
  return info;
}

export interface ImageParts {
  headerBytes: Buffer;
  passphraseWrap: string;
  keychainWrap: string | null;
  index: Map<string, EntryInfo>;
  entries: Map<string, string>;
}

/** Seals the index and lays out a complete file with these keys. */
export function buildImage(parts: ImageParts, keys: { dataKey: Buffer; macKey: Buffer }): VaultImage {
  const indexPlain = jsonBytes(encodeIndex(parts.index.values()));
  const index = toBase64(seal(keys.dataKey, indexPlain, INDEX_AAD));
  indexPlain.fill(0);
  const body = {
    passphraseWrap: parts.passphraseWrap,
    keychainWrap: parts.keychainWrap,
    index,
    entries: encodeEntryList(parts.entries),
  };
  const bytes = encodeContainer(parts.headerBytes, jsonBytes(body), (authenticated) => hmacSha256(keys.macKey, authenticated));
  return readImage(bytes);
}

export function macKeyFor(dataKey: Buffer): Buffer {
  return deriveSubkey(dataKey, MAC_PURPOSE);
}

/** A new, empty vault under `passphrase`, and its (unlocked) session. */
export async function newImage(passphrase: string, kdf: KdfParams, createdAt: string): Promise<{ image: VaultImage; session: Session }> {
  const { headerBytes } = newHeader(kdf, undefined, createdAt);
  const dataKey = randomKey();
  const macKey = macKeyFor(dataKey);
  try {
    const kek = await deriveKey(passphrase, kdf);
    const passphraseWrap = wrapDataKey(kek, dataKey, headerBytes);
    kek.fill(0);
    const image = buildImage({ headerBytes, passphraseWrap, keychainWrap: null, index: new Map(), entries: new Map() }, { dataKey, macKey });
    return { image, session: { dataKey, macKey, index: new Map() } };
  } catch (error) {
    wipe(dataKey, macKey);
    throw error;
  }
}
