/**
 * Conflict copies that sync tools leave beside a file when two machines changed it at once:
 * Dropbox and Nextcloud "team (… conflicted copy …).kwteam", Syncthing
 * "team.sync-conflict-<date>-<id>.kwteam", Google Drive "team (1).kwteam", OneDrive
 * "team-<machine>.kwteam". Any file named like the vault (same start, same extension) whose
 * header carries the same vault id is one; the content check, not the name, decides.
 */
import { readdir, readFile, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { looksLikeTeamVault } from "./format";
import { peekVaultId } from "./state";

const MAX_BYTES = 512 * 1024 * 1024;

export interface ConflictCopy {
  path: string;
  bytes: Buffer;
}

export async function findConflictCopies(vaultPath: string, vaultId: string): Promise<ConflictCopy[]> {
  const folder = dirname(vaultPath);
  const name = basename(vaultPath);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const copies: ConflictCopy[] = [];
  for (const candidate of names.sort()) {
    if (candidate === name || candidate.startsWith(".") || !candidate.startsWith(stem) || !candidate.endsWith(ext)) continue;
    const path = join(folder, candidate);
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_BYTES) continue;
      const bytes = await readFile(path);
      if (looksLikeTeamVault(bytes) && peekVaultId(bytes) === vaultId) copies.push({ path, bytes });
    } catch {
      // Vanished or unreadable while we looked: the next open will see it again.
    }
  }
  return copies;
}

/**
 * Removes temporary files that a save killed half-way left beside the vault (the atomic write's
 * `.<name>.<random>.tmp`; the vault file itself was never touched). Only old ones: a save in
 * progress on another machine may still be writing its own.
 */
export async function removeStaleTempFiles(vaultPath: string, olderThanMs = 10 * 60_000): Promise<void> {
  const prefix = `.${basename(vaultPath)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(vaultPath));
  } catch {
    return;
  }
  for (const candidate of names) {
    if (!candidate.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(candidate.slice(prefix.length))) continue;
    const path = join(dirname(vaultPath), candidate);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && Date.now() - info.mtimeMs > olderThanMs) await unlink(path).catch(() => undefined);
  }
}

/** Removes a conflict copy whose every change is now in the vault file (checked by the caller). */
export async function removeMergedCopy(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch {
    return false;
  }
}
