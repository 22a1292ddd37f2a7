/*
 * The framed container of both vault files, the personal vault ("KEYWARDV", vault/format.ts) and
 * the team vault ("KEYWARDT", team-vault/format.ts): magic, version, flags, two part lengths and a
 * check of those 20 bytes, the header and body parts, an HMAC under the data key, and an unkeyed
 * SHA-256 of everything before. Each file kind brings its magic, version and error messages.
 * Protects against: lengths that cannot be trusted (checked before use), undetected damage (the
 * unkeyed SHA-256, so "damaged" is told apart from "wrong key"), a file of a newer format read as
 * this one. Does not protect against: tampering by itself: the caller checks the HMAC with its key.
 */
import { sha256 } from "./crypto";

const PREFIX_BYTES = 24;
const MAC_BYTES = 32;
const SUM_BYTES = 32;
const MAX_PART_BYTES = 0xffff_ffff;

/** What a file kind brings: its magic and version, and its errors in its own words. */
export interface ContainerKind {
  magic: Buffer;
  version: number;
  errors: {
    cutShort(): Error;
    damaged(why: string): Error;
    /** Not this kind of file at all (its first bytes are those of another file). */
    notThisKind(bytes: Buffer): Error;
    unsupported(version: number, flags: number): Error;
    tooLarge(): Error;
  };
}

export interface ContainerParts {
  header: Buffer;
  body: Buffer;
  /** Every byte the HMAC covers. */
  authenticated: Buffer;
  mac: Buffer;
}

/** Magic, version and flags: the first 12 bytes of every file of this kind and version. */
export function fixedPrefix(kind: ContainerKind): Buffer {
  const prefix = Buffer.alloc(12);
  kind.magic.copy(prefix, 0);
  prefix.writeUInt16BE(kind.version, 8);
  prefix.writeUInt16BE(0, 10);
  return prefix;
}

export function hasMagic(kind: ContainerKind, bytes: Uint8Array): boolean {
  return bytes.length >= kind.magic.length && kind.magic.equals(bytes.subarray(0, kind.magic.length));
}

export function encodeFramed(kind: ContainerKind, header: Buffer, body: Buffer, mac: (authenticated: Buffer) => Buffer): Buffer {
  if (header.length > MAX_PART_BYTES || body.length > MAX_PART_BYTES) throw kind.errors.tooLarge();
  const macStart = PREFIX_BYTES + header.length + body.length;
  const out = Buffer.alloc(macStart + MAC_BYTES + SUM_BYTES);
  fixedPrefix(kind).copy(out, 0);
  out.writeUInt32BE(header.length, 12);
  out.writeUInt32BE(body.length, 16);
  sha256(out.subarray(0, 20)).copy(out, 20, 0, 4);
  header.copy(out, PREFIX_BYTES);
  body.copy(out, PREFIX_BYTES + header.length);
  mac(out.subarray(0, macStart)).copy(out, macStart);
  sha256(out.subarray(0, macStart + MAC_BYTES)).copy(out, macStart + MAC_BYTES);
  return out;
}

/** Checks lengths, checksums, version and flags, without any key; throws the kind's errors. */
export function decodeFramed(kind: ContainerKind, bytes: Buffer): ContainerParts {
  const { magic, errors } = kind;
  if (bytes.length < magic.length) {
    // The start of the magic, or nothing at all: a copy or sync that stopped early.
    if (magic.subarray(0, bytes.length).equals(bytes)) throw errors.cutShort();
    throw errors.notThisKind(bytes);
  }
  if (!hasMagic(kind, bytes)) throw errors.notThisKind(bytes);
  if (bytes.length < PREFIX_BYTES) throw errors.cutShort();
  if (!sha256(bytes.subarray(0, 20)).subarray(0, 4).equals(bytes.subarray(20, 24))) throw errors.damaged("its header check failed");
  const headerLength = bytes.readUInt32BE(12);
  const bodyLength = bytes.readUInt32BE(16);
  const macStart = PREFIX_BYTES + headerLength + bodyLength;
  const total = macStart + MAC_BYTES + SUM_BYTES;
  if (bytes.length < total) throw errors.cutShort();
  if (bytes.length > total) throw errors.damaged("it has unexpected bytes at its end");
  if (!sha256(bytes.subarray(0, total - SUM_BYTES)).equals(bytes.subarray(total - SUM_BYTES))) throw errors.damaged("its checksum does not match");
  const version = bytes.readUInt16BE(8);
  const flags = bytes.readUInt16BE(10);
  if (version !== kind.version || flags !== 0) throw errors.unsupported(version, flags);
  return {
    header: bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength),
    body: bytes.subarray(PREFIX_BYTES + headerLength, macStart),
    authenticated: bytes.subarray(0, macStart),
    mac: bytes.subarray(macStart, macStart + MAC_BYTES),
  };
}
