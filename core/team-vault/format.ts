/*
 * The team vault file, format 1: a binary container around two UTF-8 JSON parts
 * (docs/team-vault.md has every field).
 *
 *   offset 0   "KEYWARDT"                 magic, 8 bytes
 *          8   format version             u16 big-endian (1)
 *         10   flags                      u16, 0
 *         12   header length H            u32 BE
 *         16   body length B              u32 BE
 *         20   first 4 bytes of SHA-256(bytes 0..20)
 *         24   header: JSON, H bytes      vault id, name, revision, head, members, age key wrap
 *     24 + H   body: JSON, B bytes        sealed index, sealed entries, sealed history, sealed ledger
 *  24 + H + B  HMAC-SHA256 (32 bytes)     under a subkey of the data key, over every byte before
 *      ...+32  SHA-256 (32 bytes)         unkeyed, over every byte before
 *
 * Protects against: undetected damage (the unkeyed SHA-256 tells "damaged" from "altered" without
 * a key) and undetected changes by anyone without the data key (the HMAC covers every byte,
 * version and member list included). Does not protect against: a member, who holds the data key,
 * rewriting the file; the signed history (history.ts) is what catches that.
 */
import { z } from "zod";
import { sha256 } from "../vault/crypto";
import { TeamVaultError } from "./errors";

export const TEAM_FORMAT_VERSION = 1;
export const MAGIC = Buffer.from("KEYWARDT", "ascii");
const PREFIX_BYTES = 24;
const MAC_BYTES = 32;
const SUM_BYTES = 32;

export interface Container {
  header: Buffer;
  body: Buffer;
  /** Every byte the HMAC covers. */
  authenticated: Buffer;
  mac: Buffer;
}

export function encodeContainer(header: Buffer, body: Buffer, mac: (authenticated: Buffer) => Buffer): Buffer {
  const macStart = PREFIX_BYTES + header.length + body.length;
  const out = Buffer.alloc(macStart + MAC_BYTES + SUM_BYTES);
  MAGIC.copy(out, 0);
  out.writeUInt16BE(TEAM_FORMAT_VERSION, 8);
  out.writeUInt16BE(0, 10);
  out.writeUInt32BE(header.length, 12);
  out.writeUInt32BE(body.length, 16);
  sha256(out.subarray(0, 20)).copy(out, 20, 0, 4);
  header.copy(out, PREFIX_BYTES);
  body.copy(out, PREFIX_BYTES + header.length);
  mac(out.subarray(0, macStart)).copy(out, macStart);
  sha256(out.subarray(0, macStart + MAC_BYTES)).copy(out, macStart + MAC_BYTES);
  return out;
}

const damaged = (why: string) => new TeamVaultError("corrupt", `The team vault file is damaged (${why}). Nothing was changed on disk; use a good copy (your sync tool's version history).`);
const cutShort = () => new TeamVaultError("truncated", "The team vault file is cut short: it ends before its declared length (an interrupted copy or sync?). Nothing was changed on disk.");
const notTeamVault = () => new TeamVaultError("not_a_team_vault", "This file is not a Keyward team vault.");

export function looksLikeTeamVault(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.equals(bytes.subarray(0, MAGIC.length));
}

/** Checks lengths, checksum and version, without any key. */
export function decodeContainer(bytes: Buffer): Container {
  if (bytes.length < MAGIC.length) {
    if (bytes.length > 0 && MAGIC.subarray(0, bytes.length).equals(bytes)) throw cutShort();
    throw notTeamVault();
  }
  if (!looksLikeTeamVault(bytes)) {
    if (bytes.subarray(0, 8).toString("latin1") === "KEYWARDV") throw new TeamVaultError("not_a_team_vault", "This file is a personal Keyward vault, not a team vault.");
    throw notTeamVault();
  }
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
  if (version !== TEAM_FORMAT_VERSION || flags !== 0) {
    throw new TeamVaultError(
      "unsupported_version",
      version > TEAM_FORMAT_VERSION
        ? `This team vault was written by a newer Keyward (format ${version}); this version reads format ${TEAM_FORMAT_VERSION}. Update Keyward to open it.`
        : `This team vault uses format ${version}.${flags}, which this version of Keyward cannot read.`,
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

/** Parses a JSON part against its schema; `fail` says what a mismatch means (damage before the MAC, tampering after). */
export function parseJson<T>(bytes: Uint8Array, schema: z.ZodType<T>, fail: () => Error): T {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw fail();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fail();
  return parsed.data;
}

export const jsonBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), "utf8");

// ---- schemas of format 1 ----

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const base64 = z.string().regex(BASE64);
export const HEX64 = /^[0-9a-f]{64}$/;
export const isoDate = z.iso.datetime();

export const MemberRecordSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string().min(1).max(64),
  recipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  signingKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type MemberRecord = z.infer<typeof MemberRecordSchema>;

export const HeaderSchema = z.strictObject({
  vaultId: z.uuid(),
  name: z.string().min(1).max(200),
  createdAt: isoDate,
  /** Grows by one with every save; the signed history carries it too. */
  revision: z.int().min(1),
  /** Hash of the newest history event. */
  head: z.string().regex(HEX64),
  /** Everyone who can open this file, sorted by id. */
  members: z.array(MemberRecordSchema).min(1),
  /** The data key, as an age file (binary, base64) encrypted to every member's recipient. */
  keyWrap: base64,
});
export type HeaderJson = z.infer<typeof HeaderSchema>;

// The body is parsed only after the HMAC has authenticated it, so its sealed parts get a cheap
// shape check here (AES-GCM then checks every byte); a regex over the history's half megabyte of
// base64 cost more than the rest of an open.
const sealedText = z.string().refine((text) => text.length >= 40 && text.length % 4 === 0);
export const BodySchema = z.strictObject({
  index: sealedText,
  entries: z.array(z.unknown()).transform((items, ctx) => {
    const pairs: Array<[string, string]> = [];
    for (const item of items) {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== "string" || typeof item[1] !== "string" || item[1].length % 4 !== 0) {
        ctx.addIssue({ code: "custom", message: "malformed entry" });
        return z.NEVER;
      }
      pairs.push([item[0], item[1]]);
    }
    return pairs;
  }),
  history: sealedText,
  ledger: sealedText,
});
export type BodyJson = z.infer<typeof BodySchema>;

export const headerDamaged = (): Error => damaged("its header is not valid");
