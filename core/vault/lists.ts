/**
 * The two lists of the vault file that grow with it, checked by hand for speed:
 * - body.entries: `[id, sealed]` pairs; `sealed` is the base64 of IV + AES-GCM ciphertext + tag of
 *   the entry's secrets (SecretsSchema), with associated data naming the id;
 * - the index (sealed as body.index): metadata only, one row per entry,
 *   `[id, kind, label, createdAt, updatedAt, meta | null, historyCount]` (rows, not objects: this
 *   is the one part parsed at every unlock, and rows parse about twice as fast).
 * A failed check is damage ("corrupt"). Base64 is checked for length only here: every byte it
 * decodes to is then authenticated (checksum at open, HMAC and GCM tags at unlock).
 */
import type { EntryInfo } from "./entries";
import { VaultError } from "./errors";
import { ENTRY_ID, ENTRY_KIND, MIN_SEALED_BYTES } from "./format";

const corrupt = (why: string) => new VaultError("corrupt", `The vault file is damaged (${why}). Nothing was changed on disk.`);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const MIN_SEALED_CHARS = Math.ceil(MIN_SEALED_BYTES / 3) * 4;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isSealed = (value: unknown): value is string => typeof value === "string" && value.length >= MIN_SEALED_CHARS && value.length % 4 === 0;

export function parseEntryList(items: readonly unknown[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const item of items) {
    if (!Array.isArray(item) || item.length !== 2) throw corrupt("an entry is malformed");
    const [id, sealed] = item as [unknown, unknown];
    if (typeof id !== "string" || !ENTRY_ID.test(id) || !isSealed(sealed)) throw corrupt("an entry is malformed");
    if (entries.has(id)) throw corrupt("an entry id appears twice");
    entries.set(id, sealed);
  }
  return entries;
}

export function encodeEntryList(entries: ReadonlyMap<string, string>): Array<[string, string]> {
  return [...entries];
}

function checkMetaRecord(meta: unknown): meta is Record<string, string> {
  if (!isObject(meta)) return false;
  for (const key in meta) if (typeof meta[key] !== "string") return false;
  return true;
}

type IndexRow = [string, string, string, string, string, Record<string, string> | null, number];

function toInfo(row: unknown): EntryInfo | null {
  if (!Array.isArray(row) || row.length !== 7) return null;
  const [id, kind, label, createdAt, updatedAt, meta, historyCount] = row as unknown[];
  const valid =
    typeof id === "string" &&
    ENTRY_ID.test(id) &&
    typeof kind === "string" &&
    ENTRY_KIND.test(kind) &&
    typeof label === "string" &&
    typeof createdAt === "string" &&
    ISO_UTC.test(createdAt) &&
    typeof updatedAt === "string" &&
    ISO_UTC.test(updatedAt) &&
    (meta === null || checkMetaRecord(meta)) &&
    Number.isInteger(historyCount) &&
    (historyCount as number) >= 0;
  if (!valid) return null;
  const info: EntryInfo = { id, kind, label, createdAt, updatedAt, historyCount: historyCount as number };
  if (meta) info.meta = meta;
  return info;
}

export function parseIndex(value: unknown): EntryInfo[] {
  if (!Array.isArray(value)) throw corrupt("its index is not a list");
  return value.map((row) => {
    const info = toInfo(row);
    if (!info) throw corrupt("an index row is malformed");
    return info;
  });
}

export function encodeIndex(index: Iterable<EntryInfo>): IndexRow[] {
  const rows: IndexRow[] = [];
  for (const e of index) rows.push([e.id, e.kind, e.label, e.createdAt, e.updatedAt, e.meta ?? null, e.historyCount]);
  return rows;
}
