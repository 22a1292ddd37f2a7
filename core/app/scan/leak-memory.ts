/**
 * The leaks a workspace's keys have in source code, as scans found them: what is kept after a
 * scan, and what monitoring reads. The rule, kept simple: the last scan of a folder decides what
 * its files leak, and the last scan of it that read the history decides what its history leaks.
 * A key a later scan no longer finds where it looked is cleared; a scan without history leaves
 * what the history holds as the last history scan found it.
 */
import path from "node:path";
import type { LeakRecord } from "../../../shared/domain/findings";
import { leakRecords, type ScanResult } from "../../scan";
import { MAX_FOLDERS, type ScansContent } from "./scans-file";

const MAX_LOCATIONS = 50;

/** The workspace's keys one matched scan found in the files ("file:line") and in the history ("commit:file:line", newest commit). */
export function leaksOf(result: ScanResult, foundAt: Date): { files: LeakRecord[]; history: LeakRecord[] } {
  const onDisk = result.findings.filter((finding) => finding.inWorkingTree);
  // A place in the files and in commits is both: in the history it is named by its newest commit.
  const inHistory = result.findings.filter((finding) => finding.commits.length > 0).map((finding) => ({ ...finding, inWorkingTree: false }));
  return { files: leakRecords({ ...result, findings: onDisk }, foundAt), history: leakRecords({ ...result, findings: inHistory }, foundAt) };
}

/** The content after a scan of `folder` (with or without its history) that found `found`. */
export function rememberScan(content: ScansContent, scan: { workspaceId: string; folder: string; history: boolean; scannedAt: string; found: { files: LeakRecord[]; history: LeakRecord[] } }): ScansContent {
  const { workspaceId, folder, history, scannedAt, found } = scan;
  const same = (entry: { workspaceId: string; folder: string }) => entry.workspaceId === workspaceId && entry.folder === folder;
  const previous = content.folders.find(same);
  const entry = { workspaceId, folder, scannedAt, files: found.files, history: history ? found.history : (previous?.history ?? []) };
  const others = content.folders.filter((candidate) => !same(candidate));
  const kept = entry.files.length > 0 || entry.history.length > 0;
  return { ...content, folders: (kept ? [entry, ...others] : others).slice(0, MAX_FOLDERS) };
}

/**
 * A workspace's leak records, one per key, newest first: the places in the files, then in the
 * history. A key found in several folders has each one's places prefixed with the folder's name
 * ("api/src/config.ts:12"); in one folder, its places are as the scan named them.
 */
export function leaksOfWorkspace(content: ScansContent, workspaceId: string): LeakRecord[] {
  const byKey = new Map<string, { folder: string; inHistory: boolean; leak: LeakRecord }[]>();
  for (const entry of content.folders) {
    if (entry.workspaceId !== workspaceId) continue;
    const add = (leak: LeakRecord, inHistory: boolean) => {
      const seen = byKey.get(leak.keyId) ?? [];
      seen.push({ folder: entry.folder, inHistory, leak });
      byKey.set(leak.keyId, seen);
    };
    for (const leak of entry.files) add(leak, false);
    for (const leak of entry.history) add(leak, true);
  }
  const records = [...byKey.values()].map((seen): LeakRecord => {
    const folders = new Set(seen.map(({ folder }) => folder));
    // "file:line" becomes "api/file:line", and "commit:file:line" becomes "commit:api/file:line".
    const place = (folder: string, inHistory: boolean, location: string) => {
      if (folders.size === 1) return location;
      const name = path.basename(folder);
      return inHistory ? location.replace(/^([^:]*):/, `$1:${name}/`) : `${name}/${location}`;
    };
    const newest = seen.reduce((a, b) => (b.leak.foundAt > a.leak.foundAt ? b : a));
    return {
      keyId: newest.leak.keyId,
      display: newest.leak.display,
      foundAt: newest.leak.foundAt,
      locations: seen.flatMap(({ folder, inHistory, leak }) => leak.locations.map((location) => place(folder, inHistory, location))).slice(0, MAX_LOCATIONS),
      locationCount: seen.reduce((sum, { leak }) => sum + leak.locationCount, 0),
    };
  });
  return records.sort((a, b) => (a.foundAt < b.foundAt ? 1 : a.foundAt > b.foundAt ? -1 : a.keyId < b.keyId ? -1 : 1));
}
