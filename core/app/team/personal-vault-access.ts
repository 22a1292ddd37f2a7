/*
 * The personal vault as the team vault's export and import need it, through VaultService's public
 * methods and the vault file's own format.
 * - Export reads every entry with its previous secrets from a second, read-only handle on the vault
 *   file, unlocked with the passphrase the user types again (as password managers ask before an
 *   export); it is locked, its keys zeroed, as soon as the entries are read. It never writes.
 * - Import merges through VaultService (add, replace a secret), as the vault's backup import does:
 *   a new entry keeps its id, kind, label, metadata, secret and previous secrets (oldest first);
 *   an entry present on both sides keeps the newer secret and the other as history. The times
 *   are the import's: VaultService offers no way to write an entry's own times.
 * Protects against: an export by someone at an unlocked, unattended computer (the passphrase is
 * asked again), and the read-only handle outliving the export. Does not protect against:
 * malware reading the unlocked vault, or the secrets Node keeps as strings until collected.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { KNOWN_ENTRY_KINDS, Vault, type KnownEntryKind } from "../../vault";
import type { FullEntry } from "../../vault/entries";
import { personalEntries, type ExportedEntry } from "../../team-vault";
import type { NewEntry } from "../../vault/entries";
import { vaultCall, type VaultService } from "../vault/vault-service";

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** Every entry with its secrets and history, read with the passphrase from the file on disk. */
export async function readPersonalEntries(service: VaultService, passphrase: string): Promise<FullEntry[]> {
  const copy = await vaultCall(() => Vault.open(service.file, { idleLockMs: null }));
  try {
    await vaultCall(() => copy.unlockWithPassphrase(passphrase));
    return personalEntries(copy);
  } finally {
    copy.lock("manual");
  }
}

const isKnownKind = (kind: string): kind is KnownEntryKind => (KNOWN_ENTRY_KINDS as readonly string[]).includes(kind);

/** The metadata a personal `api_key_secret` entry carries (its schema is strict): team-only fields such as `source` are left out. */
export function personalMeta(kind: string, meta: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!meta || kind !== "api_key_secret") return meta ? { ...meta } : undefined;
  const { keyId, display, scope, workspaceId, previousKeyId } = meta;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries({ keyId, display, scope: scope as ApiKey["scope"] | undefined, workspaceId, previousKeyId })) if (value !== undefined) kept[name] = value;
  return kept;
}

/** Merges exported entries into the unlocked personal vault, one entry at a time. */
export async function importIntoPersonal(service: VaultService, entries: readonly ExportedEntry[]): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const entry of entries) {
    if (!isKnownKind(entry.kind)) {
      counts.skipped += 1;
      continue;
    }
    const meta = personalMeta(entry.kind, entry.meta) ?? {};
    const existing = await service.findEntry((candidate) => candidate.id === entry.id);
    if (!existing) {
      // Oldest first, so the vault's history ends up in the export's order.
      const secrets = [...entry.history].reverse().map((previous) => previous.secret);
      secrets.push(entry.secret);
      const first: NewEntry = { id: entry.id, kind: entry.kind, label: entry.label, secret: secrets[0]!, meta };
      await service.add(first);
      for (const secret of secrets.slice(1)) await service.replaceSecret(entry.id, secret, meta);
      counts.added += 1;
      continue;
    }
    const current = await service.secretOf(entry.id);
    if (current === entry.secret) {
      counts.unchanged += 1;
      continue;
    }
    if (entry.updatedAt > existing.updatedAt) {
      await service.replaceSecret(entry.id, entry.secret, meta);
    } else {
      // Ours is newer: the imported secret is kept as history, ours stays current.
      const ours = existing.meta ?? {};
      await service.replaceSecret(entry.id, entry.secret, ours);
      await service.replaceSecret(entry.id, current, ours);
    }
    counts.updated += 1;
  }
  return counts;
}
