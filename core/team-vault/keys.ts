/*
 * The team vault's data key: wrapped for the members with age (one age file, one X25519 stanza per
 * member), and split with HKDF into the sealing key and the MAC key.
 * Protects against: anyone but a current member learning the data key (age: X25519 + HKDF +
 * ChaCha20-Poly1305, header MAC), a wrap being moved to another team vault (the wrapped payload
 * names the vault id), and one key serving two purposes. Does not protect against: a member
 * keeping the key (a removal therefore makes a new one), or a member wrapping it to fewer people.
 */
import { Decrypter, Encrypter } from "age-encryption";
import { deriveSubkey, randomKey, wipe } from "../vault/crypto";
import { TeamVaultError } from "./errors";
import type { MemberIdentity } from "./identity";

export interface TeamKeys {
  /** The root secret; only ever fed to HKDF and to the age wrap. */
  dataKey: Buffer;
  /** AES-256-GCM key for the index, entries, history and ledger. */
  sealKey: Buffer;
  /** HMAC-SHA256 key over the whole file. */
  macKey: Buffer;
}

const PAYLOAD_MAGIC = Buffer.from("KWTK", "ascii");
const PAYLOAD_VERSION = 1;
const PAYLOAD_BYTES = 4 + 1 + 16 + 32;

export function keysFor(dataKey: Buffer): TeamKeys {
  return { dataKey, sealKey: deriveSubkey(dataKey, "keyward-team/v1/seal"), macKey: deriveSubkey(dataKey, "keyward-team/v1/mac") };
}

export function newKeys(): TeamKeys {
  return keysFor(randomKey());
}

export function wipeKeys(keys: TeamKeys): void {
  wipe(keys.dataKey, keys.sealKey, keys.macKey);
}

export const sameKeys = (a: TeamKeys, b: TeamKeys): boolean => a.dataKey.equals(b.dataKey);

function uuidBytes(vaultId: string): Buffer {
  return Buffer.from(vaultId.replace(/-/g, ""), "hex");
}

/** The age file (base64) holding "KWTK" || 0x01 || vault id (16 bytes) || data key, for these recipients. */
export async function wrapDataKey(dataKey: Buffer, vaultId: string, recipients: readonly string[]): Promise<string> {
  const payload = Buffer.concat([PAYLOAD_MAGIC, Buffer.from([PAYLOAD_VERSION]), uuidBytes(vaultId), dataKey]);
  try {
    const encrypter = new Encrypter();
    for (const recipient of recipients) encrypter.addRecipient(recipient);
    return Buffer.from(await encrypter.encrypt(payload)).toString("base64");
  } finally {
    payload.fill(0);
  }
}

/**
 * The data key, or null when none of the wrap's stanzas is for this identity. Throws `tampered`
 * when the wrap opens but is not this vault's (moved from another team vault).
 */
export async function unwrapDataKey(keyWrap: string, vaultId: string, identity: MemberIdentity): Promise<Buffer | null> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity.ageIdentity);
  let payload: Uint8Array;
  try {
    payload = await decrypter.decrypt(Buffer.from(keyWrap, "base64"));
  } catch {
    // age says "no identity matched" and "header MAC wrong" the same way to callers; both mean this identity cannot open it.
    return null;
  }
  const bytes = Buffer.from(payload);
  payload.fill(0);
  try {
    const valid =
      bytes.length === PAYLOAD_BYTES && bytes.subarray(0, 4).equals(PAYLOAD_MAGIC) && bytes[4] === PAYLOAD_VERSION && bytes.subarray(5, 21).equals(uuidBytes(vaultId));
    if (!valid) throw new TeamVaultError("tampered", "The team vault was altered: its key wrap belongs to another team vault. Nothing was changed on disk.");
    return Buffer.from(bytes.subarray(21));
  } finally {
    bytes.fill(0);
  }
}

/**
 * How many recipient stanzas the age wrap has (its header lists one per recipient; age's header
 * MAC, checked when it was decrypted, covers them). Which member each is for cannot be told.
 */
export function wrapStanzaCount(keyWrap: string): number {
  const bytes = Buffer.from(keyWrap, "base64");
  const end = bytes.indexOf("\n---");
  const header = bytes.subarray(0, end < 0 ? bytes.length : end).toString("latin1");
  return header.split("\n").filter((line) => line.startsWith("-> ")).length;
}
