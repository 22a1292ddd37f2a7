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
import { decodeFramed, encodeFramed, hasMagic, type ContainerKind, type ContainerParts } from "../vault/container";
import { TeamVaultError } from "./errors";

export const TEAM_FORMAT_VERSION = 1;

const damaged = (why: string) => new TeamVaultError("corrupt", `The team vault file is damaged (${why}). Nothing was changed on disk; use a good copy (your sync tool's version history).`);
const cutShort = () => new TeamVaultError("truncated", "The team vault file is cut short: it ends before its declared length (an interrupted copy or sync?). Nothing was changed on disk.");

/** The team vault's container: "KEYWARDT", this format's version, errors in the team vault's words. */
const TEAM_CONTAINER: ContainerKind = {
  magic: Buffer.from("KEYWARDT", "ascii"),
  version: TEAM_FORMAT_VERSION,
  errors: {
    cutShort,
    damaged,
    notThisKind: (bytes) =>
      bytes.subarray(0, 8).toString("latin1") === "KEYWARDV"
        ? new TeamVaultError("not_a_team_vault", "This file is a personal Keyward vault, not a team vault.")
        : new TeamVaultError("not_a_team_vault", "This file is not a Keyward team vault."),
    unsupported: (version, flags) =>
      new TeamVaultError(
        "unsupported_version",
        version > TEAM_FORMAT_VERSION
          ? `This team vault was written by a newer Keyward (format ${version}); this version reads format ${TEAM_FORMAT_VERSION}. Update Keyward to open it.`
          : `This team vault uses format ${version}.${flags}, which this version of Keyward cannot read.`,
      ),
    tooLarge: () => new TeamVaultError("invalid_input", "The team vault is too large to save."),
  },
};
export const MAGIC = TEAM_CONTAINER.magic;

export type Container = ContainerParts;

export function encodeContainer(header: Buffer, body: Buffer, mac: (authenticated: Buffer) => Buffer): Buffer {
  return encodeFramed(TEAM_CONTAINER, header, body, mac);
}

export function looksLikeTeamVault(bytes: Uint8Array): boolean {
  return hasMagic(TEAM_CONTAINER, bytes);
}

/** Checks lengths, checksum and version, without any key. */
export function decodeContainer(bytes: Buffer): Container {
  return decodeFramed(TEAM_CONTAINER, bytes);
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
