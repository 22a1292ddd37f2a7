/*
 * Export from and import into the personal vault (core/vault), through its public handle.
 * Protects against: losing any field on the way (id, kind, label, meta, secret, history, times);
 * the import goes straight into the vault's own save, never through a file. Does not protect
 * against: importing an export the user should not have (it only adds and merges).
 */
import type { FullEntry } from "../vault/entries";
import type { ImportReport } from "../vault/merge";
import type { Vault } from "../vault/vault";
import { exportPayload, type ExportedEntry, type ExportPayload } from "./export";

/** Every entry of an unlocked personal vault, with its secrets and history. */
export function personalEntries(vault: Vault): FullEntry[] {
  return vault.list().map((info) => ({ ...info, secret: vault.get(info.id), history: vault.history(info.id) }));
}

export function personalExportPayload(vault: Vault, at = new Date()): ExportPayload {
  return exportPayload({ kind: "personal" }, personalEntries(vault), at);
}

/**
 * Merges exported entries into an unlocked personal vault in one save, as its backup import does:
 * new entries keep every field; an entry present on both sides keeps the newer version and the
 * other's secret as history.
 */
export async function importIntoPersonalVault(vault: Vault, entries: readonly ExportedEntry[]): Promise<ImportReport> {
  return vault.importEntries(entries.map(({ conflictOf: _conflictOf, ...entry }) => entry));
}
