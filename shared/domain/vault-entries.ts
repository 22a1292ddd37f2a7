/**
 * What the vault keeps, by kind, with the public metadata each kind carries (the secret is never
 * metadata). The vault stores metadata as strings; these schemas are the only way code reads or
 * writes it, so a field is named and checked in one place.
 */
import { z } from "zod";
import { Scope } from "../api/schemas";

const Id = z.string().min(1).max(200);

export const ENTRY_META_SCHEMAS = {
  /** The secret of a workspace's API key, kept when it was created or rotated in Keyward. */
  api_key_secret: z.strictObject({
    keyId: Id,
    display: z.string().max(100),
    scope: Scope,
    workspaceId: Id,
    /** During a rotation: the key the entry held before (its secret is the entry's history). */
    previousKeyId: Id.optional(),
  }),
  /** A remote workspace's admin token; the URL is the one the token may be sent to. */
  admin_token: z.strictObject({ workspaceId: Id, url: z.string().max(2000) }),
  note: z.strictObject({}),
  /** The user's own team-vault identity (private keys); its public fingerprint and name. */
  member_identity: z.strictObject({ name: z.string().max(200), fingerprint: z.string().max(200) }),
} as const;

export type VaultEntryKind = keyof typeof ENTRY_META_SCHEMAS;
export const VAULT_ENTRY_KINDS = Object.keys(ENTRY_META_SCHEMAS) as VaultEntryKind[];
export type EntryMeta<K extends VaultEntryKind> = z.infer<(typeof ENTRY_META_SCHEMAS)[K]>;

export const ENTRY_KIND_LABELS: Record<VaultEntryKind, string> = {
  api_key_secret: "API key",
  admin_token: "Admin token",
  note: "Note",
  member_identity: "Team identity",
};

export function isVaultEntryKind(kind: string): kind is VaultEntryKind {
  return Object.hasOwn(ENTRY_META_SCHEMAS, kind);
}

/** An entry's metadata read as its kind's shape, or null when it does not have that shape. */
export function readEntryMeta<K extends VaultEntryKind>(kind: K, meta: Record<string, string> | undefined): EntryMeta<K> | null {
  const parsed = ENTRY_META_SCHEMAS[kind].safeParse(meta ?? {});
  return parsed.success ? (parsed.data as EntryMeta<K>) : null;
}

/** Metadata for a new or changed entry, checked against its kind (throws on a wrong shape: a bug). */
export function entryMeta<K extends VaultEntryKind>(kind: K, meta: EntryMeta<K>): Record<string, string> {
  return ENTRY_META_SCHEMAS[kind].parse(meta) as Record<string, string>;
}
