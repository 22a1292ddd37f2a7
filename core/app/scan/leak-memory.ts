/**
 * The leaks a workspace's keys have in source code, as scans found them: what is kept after a
 * scan, and what monitoring reads. The rule, kept simple: the last scan of a folder decides what
 * that folder leaks. A key it no longer finds is cleared, except a key found in the history only
 * when the later scan did not read the history (its leak is still there, unread).
 */
import path from "node:path";
import type { LeakRecord } from "../../../shared/domain/findings";
import { leakRecords, type ScanResult } from "../../scan";
import { MAX_FOLDERS, type ScansContent, type StoredLeak } from "./scans-file";

const MAX_LOCATIONS = 50;

/** The leak records of one finished, matched scan: keys of this workspace, with whether each is in the history only. */
export function leaksOf(result: ScanResult, foundAt: Date): StoredLeak[] {
  const onDisk = new Set(result.findings.filter((finding) => finding.inWorkingTree && finding.match?.keyId).map((finding) => finding.match!.keyId!));
  return leakRecords(result, foundAt).map((record) => ({ ...record, historyOnly: !onDisk.has(record.keyId) }));
}

/** The content after a scan of `folder` that read its history (or not) and found `found`. */
export function rememberScan(content: ScansContent, scan: { workspaceId: string; folder: string; history: boolean; scannedAt: string; found: StoredLeak[] }): ScansContent {
  const { workspaceId, folder, history, scannedAt, found } = scan;
  const same = (entry: { workspaceId: string; folder: string }) => entry.workspaceId === workspaceId && entry.folder === folder;
  const previous = content.folders.find(same);
  const foundIds = new Set(found.map((leak) => leak.keyId));
  const unread = history || !previous ? [] : previous.leaks.filter((leak) => leak.historyOnly && !foundIds.has(leak.keyId));
  const leaks = [...found, ...unread];
  const others = content.folders.filter((entry) => !same(entry));
  return { ...content, folders: (leaks.length > 0 ? [{ workspaceId, folder, scannedAt, leaks }, ...others] : others).slice(0, MAX_FOLDERS) };
}

/**
 * A workspace's leak records, one per key, newest first. A key found in several folders has the
 * places of each, prefixed with the folder's name ("api/src/config.ts:12"); in one folder, its
 * places are as the scan named them.
 */
export function leaksOfWorkspace(content: ScansContent, workspaceId: string): LeakRecord[] {
  const byKey = new Map<string, { folder: string; leak: StoredLeak }[]>();
  for (const entry of content.folders) {
    if (entry.workspaceId !== workspaceId) continue;
    for (const leak of entry.leaks) {
      const seen = byKey.get(leak.keyId) ?? [];
      seen.push({ folder: entry.folder, leak });
      byKey.set(leak.keyId, seen);
    }
  }
  const records = [...byKey.values()].map((seen): LeakRecord => {
    const prefix = (folder: string, location: string) => (seen.length > 1 ? `${path.basename(folder)}/${location}` : location);
    const newest = seen.reduce((a, b) => (b.leak.foundAt > a.leak.foundAt ? b : a));
    return {
      keyId: newest.leak.keyId,
      display: newest.leak.display,
      foundAt: newest.leak.foundAt,
      locations: seen.flatMap(({ folder, leak }) => leak.locations.map((location) => prefix(folder, location))).slice(0, MAX_LOCATIONS),
      locationCount: seen.reduce((sum, { leak }) => sum + leak.locationCount, 0),
    };
  });
  return records.sort((a, b) => (a.foundAt < b.foundAt ? 1 : a.foundAt > b.foundAt ? -1 : a.keyId < b.keyId ? -1 : 1));
}
