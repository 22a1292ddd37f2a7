/**
 * Vault entries linked to the workspace's keys (entry meta `keyId`, as Keyward writes it when it
 * keeps a new key): each entry's live key status and last use, and the stale ones to clean up.
 * Works for personal and team vault entries alike; only metadata is read, never a secret.
 */
import type { ApiKey } from "../../shared/api/schemas";

export type LinkStatus = "active" | "rotated" | "revoked" | "expired" | "missing";

export interface EntryLink {
  entryId: string;
  label: string;
  keyId: string;
  /** active; rotated: a successor exists and this key is in its grace period; revoked; expired; missing: not a key of this workspace (any more). */
  status: LinkStatus;
  keyName: string | null;
  display: string | null;
  lastUsedAt: string | null;
  replacedById: string | null;
}

interface LinkableEntry {
  id: string;
  label: string;
  meta?: Record<string, string>;
}

function statusOf(key: ApiKey | undefined): LinkStatus {
  if (!key) return "missing";
  if (key.status !== "active") return key.status;
  return key.replacedById ? "rotated" : "active";
}

/**
 * Links every entry that names a key (`meta.keyId`) of this workspace. Entries recorded for another
 * workspace (`meta.workspaceId` set and different) are left out.
 */
export function linkEntries(entries: readonly LinkableEntry[], keys: readonly ApiKey[], workspaceId?: string): EntryLink[] {
  const byId = new Map(keys.map((key) => [key.id, key]));
  const links: EntryLink[] = [];
  for (const entry of entries) {
    const keyId = entry.meta?.keyId;
    if (!keyId) continue;
    if (workspaceId && entry.meta?.workspaceId && entry.meta.workspaceId !== workspaceId) continue;
    const key = byId.get(keyId);
    links.push({
      entryId: entry.id,
      label: entry.label,
      keyId,
      status: statusOf(key),
      keyName: key?.name ?? null,
      display: key?.display ?? entry.meta?.display ?? null,
      lastUsedAt: key?.lastUsedAt ?? null,
      replacedById: key?.replacedById ?? null,
    });
  }
  return links;
}

/** Entries whose key can no longer be used (revoked or expired): the one-click clean-up list. */
export function staleLinks(links: readonly EntryLink[]): EntryLink[] {
  return links.filter((link) => link.status === "revoked" || link.status === "expired");
}
