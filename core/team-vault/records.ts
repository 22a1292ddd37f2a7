/*
 * Team vault entries: their metadata rows (the sealed index), their sealed secrets, and the digest
 * that ties an entry's content to the signed event that made it.
 * Protects against: reading or changing an entry without the data key (AES-256-GCM, the vault id
 * and entry id as associated data, so sealed secrets cannot be swapped between entries or vaults),
 * and a member changing an entry's content without a signed change (the digest in the event).
 * Does not protect against: a member reading the secrets (they are meant to).
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "../../shared/canonical-json";
import { seal, unseal } from "../vault/crypto";
import type { FullEntry, PreviousSecret } from "../vault/entries";
import { ENTRY_ID, ENTRY_KIND } from "../vault/format";
import { tampered } from "./errors";

/** One entry's metadata as the team vault keeps it; a deleted entry stays as a tombstone. */
export interface EntryRecord {
  id: string;
  kind: string;
  label: string;
  meta?: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  historyCount: number;
  /** Hash of the signed event that gave the entry this content (or deleted it). */
  version: string;
  createdBy: string;
  updatedBy: string;
  deleted: boolean;
  /** Set on the copy a merge kept when both sides changed this entry: the id of the original. */
  conflictOf?: string;
}

export interface EntrySecrets {
  secret: string;
  history: PreviousSecret[];
}

export function sealBytes(key: Buffer, plain: Uint8Array, aad: string): string {
  const { iv, ciphertext } = seal(key, plain, Buffer.from(aad, "utf8"));
  return Buffer.concat([iv, ciphertext]).toString("base64");
}

/** The plaintext, or null when the key or associated data do not match (or the bytes were changed). */
export function openBytes(key: Buffer, sealed: string, aad: string): Buffer | null {
  const bytes = Buffer.from(sealed, "base64");
  if (bytes.length < 28) return null;
  return unseal(key, { iv: bytes.subarray(0, 12), ciphertext: bytes.subarray(12) }, Buffer.from(aad, "utf8"));
}

export const partAad = (part: "index" | "history" | "ledger", vaultId: string): string => `keyward-team/v1/${part}\0${vaultId}`;
const entryAad = (vaultId: string, id: string): string => `keyward-team/v1/entry\0${vaultId}\0${id}`;

export function sealSecrets(sealKey: Buffer, vaultId: string, id: string, secrets: EntrySecrets): string {
  const plain = Buffer.from(JSON.stringify({ secret: secrets.secret, history: secrets.history }), "utf8");
  try {
    return sealBytes(sealKey, plain, entryAad(vaultId, id));
  } finally {
    plain.fill(0);
  }
}

export function openSecrets(sealKey: Buffer, vaultId: string, id: string, sealed: string): EntrySecrets {
  const plain = openBytes(sealKey, sealed, entryAad(vaultId, id));
  if (!plain) throw tampered(`entry ${id} does not decrypt`);
  try {
    const value = JSON.parse(plain.toString("utf8")) as unknown;
    if (!isSecrets(value)) throw tampered(`entry ${id} has an unexpected shape`);
    return { secret: value.secret, history: value.history.map((item) => ({ secret: item.secret, replacedAt: item.replacedAt })) };
  } finally {
    plain.fill(0);
  }
}

function isSecrets(value: unknown): value is EntrySecrets {
  if (typeof value !== "object" || value === null) return false;
  const { secret, history } = value as Record<string, unknown>;
  return typeof secret === "string" && Array.isArray(history) && history.every((item) => typeof item?.secret === "string" && typeof item?.replacedAt === "string");
}

/** SHA-256 of everything an entry holds but its id, as signed in its entry.add / entry.change event. */
export function entryDigest(entry: Omit<FullEntry, "id" | "historyCount">): string {
  const content = {
    kind: entry.kind,
    label: entry.label,
    meta: entry.meta ?? null,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    secret: entry.secret,
    history: entry.history.map((item) => [item.secret, item.replacedAt]),
  };
  return createHash("sha256").update(`keyward-team-entry/v1\0${canonicalJson(content)}`).digest("hex");
}

// ---- the index: one row per entry, tombstones included ----

type IndexRow = [string, string, string, string, string, Record<string, string> | null, number, string, string, string, 0 | 1, string | null];

export function encodeIndex(records: Iterable<EntryRecord>): IndexRow[] {
  const rows: IndexRow[] = [];
  for (const r of records) {
    rows.push([r.id, r.kind, r.label, r.createdAt, r.updatedAt, r.meta ?? null, r.historyCount, r.version, r.createdBy, r.updatedBy, r.deleted ? 1 : 0, r.conflictOf ?? null]);
  }
  return rows;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const HEX64 = /^[0-9a-f]{64}$/;
const MEMBER_ID = /^[0-9a-f]{32}$/;
const isMeta = (meta: unknown): meta is Record<string, string> =>
  typeof meta === "object" && meta !== null && !Array.isArray(meta) && Object.values(meta).every((value) => typeof value === "string");

/** Checked by hand: this is parsed at every open and grows with the vault. */
export function parseIndex(value: unknown): Map<string, EntryRecord> {
  if (!Array.isArray(value)) throw tampered("its index is not a list");
  const records = new Map<string, EntryRecord>();
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== 12) throw tampered("an index row is malformed");
    const [id, kind, label, createdAt, updatedAt, meta, historyCount, version, createdBy, updatedBy, deleted, conflictOf] = row as unknown[];
    const valid =
      typeof id === "string" && ENTRY_ID.test(id) && typeof kind === "string" && ENTRY_KIND.test(kind) && typeof label === "string" &&
      typeof createdAt === "string" && ISO_UTC.test(createdAt) && typeof updatedAt === "string" && ISO_UTC.test(updatedAt) &&
      (meta === null || isMeta(meta)) && Number.isInteger(historyCount) && (historyCount as number) >= 0 &&
      typeof version === "string" && HEX64.test(version) && typeof createdBy === "string" && MEMBER_ID.test(createdBy) &&
      typeof updatedBy === "string" && MEMBER_ID.test(updatedBy) && (deleted === 0 || deleted === 1) &&
      (conflictOf === null || (typeof conflictOf === "string" && ENTRY_ID.test(conflictOf)));
    if (!valid) throw tampered("an index row is malformed");
    if (records.has(id as string)) throw tampered("an entry id appears twice");
    const record: EntryRecord = {
      id: id as string, kind: kind as string, label: label as string, createdAt: createdAt as string, updatedAt: updatedAt as string,
      historyCount: historyCount as number, version: version as string, createdBy: createdBy as string, updatedBy: updatedBy as string, deleted: deleted === 1,
    };
    if (meta) record.meta = meta as Record<string, string>;
    if (conflictOf) record.conflictOf = conflictOf as string;
    records.set(record.id, record);
  }
  return records;
}

export function copyRecord(record: EntryRecord): EntryRecord {
  return record.meta ? { ...record, meta: { ...record.meta } } : { ...record };
}
