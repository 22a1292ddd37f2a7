/*
 * The exposure ledger: for every member, every entry (and the workspace key it held) that was in
 * a file they could open. Grows only; a save records the entries it writes for the members it
 * wraps the key to, so it is exact by construction, and two copies merge by union.
 * Protects against: forgetting, when a member leaves, an entry they could read that was deleted
 * or rotated since. Does not protect against: a member who holds the data key editing the ledger
 * (the MAC stops everyone else); the signed history remains the record of who did what.
 */
import { tampered } from "./errors";
import type { EntryRecord } from "./records";

export interface LedgerRow {
  entryId: string;
  memberId: string;
  /** The workspace key the entry held (`meta.keyId`), or null for an entry not linked to one. */
  keyId: string | null;
  display: string | null;
  workspaceId: string | null;
  label: string;
  kind: string;
  /** When this member could first read it. */
  firstAt: string;
}

export type Ledger = Map<string, LedgerRow>;

const rowKey = (entryId: string, memberId: string, keyId: string | null): string => `${entryId}\0${memberId}\0${keyId ?? ""}`;

function addRow(ledger: Ledger, row: LedgerRow): void {
  const key = rowKey(row.entryId, row.memberId, row.keyId);
  const current = ledger.get(key);
  if (!current || row.firstAt < current.firstAt) ledger.set(key, row);
}

/** Records that `memberIds` can read every live entry of `records` (as written now, at `at`). */
export function recordReaders(ledger: Ledger, records: Iterable<EntryRecord>, memberIds: readonly string[], at: string): void {
  for (const record of records) {
    if (record.deleted) continue;
    const meta = record.meta ?? {};
    // A rotation in progress keeps the previous key's secret in the entry's history: readable too.
    const keys: Array<[string | null, string | null]> = [[meta.keyId ?? null, meta.display ?? null]];
    if (meta.previousKeyId && meta.previousKeyId !== meta.keyId) keys.push([meta.previousKeyId, null]);
    for (const memberId of memberIds) {
      for (const [keyId, display] of keys) {
        if (ledger.has(rowKey(record.id, memberId, keyId))) continue;
        addRow(ledger, { entryId: record.id, memberId, keyId, display, workspaceId: meta.workspaceId ?? null, label: record.label, kind: record.kind, firstAt: at });
      }
    }
  }
}

export function mergeLedgers(a: Ledger, b: Ledger): Ledger {
  const merged: Ledger = new Map(a);
  for (const row of b.values()) addRow(merged, row);
  return merged;
}

type Row = [string, string, string | null, string | null, string | null, string, string, string];

export function encodeLedger(ledger: Ledger): Row[] {
  return [...ledger.values()].map((r) => [r.entryId, r.memberId, r.keyId, r.display, r.workspaceId, r.label, r.kind, r.firstAt]);
}

const nullableString = (value: unknown): value is string | null => value === null || typeof value === "string";

export function parseLedger(value: unknown): Ledger {
  if (!Array.isArray(value)) throw tampered("its exposure ledger is not a list");
  const ledger: Ledger = new Map();
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== 8) throw tampered("an exposure ledger row is malformed");
    const [entryId, memberId, keyId, display, workspaceId, label, kind, firstAt] = row as unknown[];
    const valid =
      typeof entryId === "string" && typeof memberId === "string" && nullableString(keyId) && nullableString(display) && nullableString(workspaceId) &&
      typeof label === "string" && typeof kind === "string" && typeof firstAt === "string";
    if (!valid) throw tampered("an exposure ledger row is malformed");
    addRow(ledger, { entryId, memberId, keyId, display, workspaceId, label, kind, firstAt } as LedgerRow);
  }
  return ledger;
}

/** One workspace key (or unlinked entry) a member could read. */
export interface ExposedKey {
  entryId: string;
  /** The entry's label now, or when it was last readable if it is gone. */
  label: string;
  kind: string;
  keyId: string | null;
  display: string | null;
  workspaceId: string | null;
  /** present: the entry still holds this key; changed: it holds another now (rotated); deleted: the entry is gone. */
  entry: "present" | "changed" | "deleted";
  firstReadableAt: string;
}

export function exposureOf(ledger: Ledger, memberId: string, records: ReadonlyMap<string, EntryRecord>): ExposedKey[] {
  const exposed: ExposedKey[] = [];
  for (const row of ledger.values()) {
    if (row.memberId !== memberId) continue;
    const record = records.get(row.entryId);
    const live = record && !record.deleted ? record : null;
    const entry = !live ? "deleted" : (live.meta?.keyId ?? null) === row.keyId ? "present" : "changed";
    exposed.push({
      entryId: row.entryId,
      label: live?.label ?? row.label,
      kind: live?.kind ?? row.kind,
      keyId: row.keyId,
      display: row.display ?? (entry === "present" ? (live?.meta?.display ?? null) : null),
      workspaceId: row.workspaceId,
      entry,
      firstReadableAt: row.firstAt,
    });
  }
  return exposed.sort((a, b) => a.label.localeCompare(b.label) || (a.keyId ?? "").localeCompare(b.keyId ?? "") || a.entryId.localeCompare(b.entryId));
}
