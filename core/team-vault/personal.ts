/*
 * Export from and import into the personal vault (core/vault), through its public handle.
 * Protects against: losing any field on the way (id, kind, label, meta, secret, history, times).
 * Does not protect against: the import's short-lived temporary file being read while it exists;
 * it is a vault-format backup under a random 256-bit passphrase, owner-only, deleted at once.
 * A `Vault.importEntries(FullEntry[])` in core/vault would remove the need for it.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBackup } from "../vault/backup";
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

/** The random passphrase is the key; the KDF only has to be valid, not slow. */
const THROWAWAY_KDF = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/**
 * Merges exported entries into an unlocked personal vault, as its backup import does: new entries
 * keep every field; an entry present on both sides keeps the newer version and the other's secret
 * as history.
 */
export async function importIntoPersonalVault(vault: Vault, entries: readonly ExportedEntry[]): Promise<ImportReport> {
  const folder = await mkdtemp(join(tmpdir(), "keyward-import-"));
  const passphrase = randomBytes(32).toString("base64url");
  try {
    const path = join(folder, "import.kwvault");
    const plain: FullEntry[] = entries.map(({ conflictOf: _conflictOf, ...entry }) => entry);
    await writeBackup(path, passphrase, THROWAWAY_KDF, plain, new Date().toISOString());
    return await vault.importBackup(path, passphrase);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
