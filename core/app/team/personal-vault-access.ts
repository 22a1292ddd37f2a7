/*
 * The personal vault as the team vault's export and import need it, through VaultService's public
 * methods and the vault file's own format.
 * - Export reads every entry with its previous secrets from a second, read-only handle on the vault
 *   file, unlocked with the passphrase the user types again (as password managers ask before an
 *   export); it is locked, its keys zeroed, as soon as the entries are read. It never writes.
 * - Import merges in one save through VaultService.importEntries, as the vault's backup import
 *   does: a new entry keeps every field (id, kind, label, metadata, times, secret, previous
 *   secrets); an entry present on both sides keeps the newer version and the other's secret as
 *   history.
 * Protects against: an export by someone at an unlocked, unattended computer (the passphrase is
 * asked again), and the read-only handle outliving the export. Does not protect against:
 * malware reading the unlocked vault, or the secrets Node keeps as strings until collected.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import { KNOWN_ENTRY_KINDS, Vault, type KnownEntryKind } from "../../vault";
import type { FullEntry } from "../../vault/entries";
import { personalEntries, TEAM_ENTRY_KINDS, type ExportedEntry } from "../../team-vault";
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

/**
 * Merges exported entries into the unlocked personal vault in one save, every field kept (times
 * included). Kinds this version does not know are left out. A team identity the vault does not
 * hold yet, while it holds one, comes in dated now: the identity in use is the oldest, and an
 * import never replaces it.
 */
export async function importIntoPersonal(service: VaultService, entries: readonly ExportedEntry[], now: Date): Promise<ImportCounts> {
  const current = await service.entries();
  const ids = new Set(current.map((entry) => entry.id));
  const hasIdentity = current.some((entry) => entry.kind === TEAM_ENTRY_KINDS.memberIdentity);
  const known = entries.filter((entry) => isKnownKind(entry.kind));
  const incoming = known.map(({ conflictOf: _conflictOf, meta, ...entry }): FullEntry => {
    const kept = personalMeta(entry.kind, meta);
    const secondIdentity = hasIdentity && entry.kind === TEAM_ENTRY_KINDS.memberIdentity && !ids.has(entry.id);
    return { ...entry, ...(kept ? { meta: kept } : {}), ...(secondIdentity ? { createdAt: now.toISOString(), updatedAt: now.toISOString() } : {}) };
  });
  return { ...(await service.importEntries(incoming)), skipped: entries.length - known.length };
}
