/**
 * scans.json: what the desktop's leak scans leave behind. Per workspace and scanned folder, the
 * keys of that workspace found in its files (by the last scan) and in its git history (by the last
 * scan that read the history): display form and places, never a secret or its hash. Monitoring
 * turns them into "leaked in source". And the folders scanned recently, so the Scan page can
 * offer them again after a restart.
 */
import { z } from "zod";
import { LeakRecord } from "../../../shared/domain/findings";
import { stateFile, type VersionedFile } from "../../persist/versioned-file";
import { parsedItems } from "../state/legacy";

const Time = z.iso.datetime({ offset: false });

/** The most folders remembered across workspaces, and recent folders offered; older ones are dropped. */
export const MAX_FOLDERS = 200;
export const MAX_RECENT = 5;
const MAX_LEAKS = 1000;

const leakList = z.unknown().transform((items) => parsedItems(items, (item) => LeakRecord.safeParse(item).data).slice(0, MAX_LEAKS));

export const FolderLeaks = z.object({
  workspaceId: z.string().min(1),
  /** The folder's real path, as scanned. */
  folder: z.string().min(1),
  scannedAt: Time,
  /** Keys in the files on disk, as the last scan of the folder found them ("file:line"). */
  files: leakList,
  /** Keys in the git history, as the last scan with history found them ("commit:file:line"). */
  history: leakList,
});
export type FolderLeaks = z.infer<typeof FolderLeaks>;

export const RecentFolder = z.object({ path: z.string().min(1), scannedAt: Time });
export type RecentFolder = z.infer<typeof RecentFolder>;

export const ScansContent = z.object({
  folders: z.unknown().transform((items) => parsedItems(items, (item) => FolderLeaks.safeParse(item).data).slice(0, MAX_FOLDERS)),
  recent: z.unknown().transform((items) => parsedItems(items, (item) => RecentFolder.safeParse(item).data).slice(0, MAX_RECENT)),
});
export type ScansContent = z.infer<typeof ScansContent>;

/** Version 1 kept one list per folder, each leak marked `historyOnly`: those are the history's, the others the files'. */
function splitLeaks(content: Record<string, unknown>): Record<string, unknown> {
  const folders = Array.isArray(content.folders) ? (content.folders as Record<string, unknown>[]) : [];
  return {
    ...content,
    folders: folders.map((entry) => {
      const leaks = Array.isArray(entry?.leaks) ? (entry.leaks as { historyOnly?: unknown }[]) : [];
      const strip = ({ historyOnly: _, ...leak }: { historyOnly?: unknown }) => leak;
      return { ...entry, files: leaks.filter((leak) => leak?.historyOnly !== true).map(strip), history: leaks.filter((leak) => leak?.historyOnly === true).map(strip) };
    }),
  };
}

export function openScansFile(dataDir: string): VersionedFile<ScansContent> {
  return stateFile(dataDir, "scans.json", { what: "the keys found by leak scans", version: 2, schema: ScansContent, migrations: { 1: splitLeaks }, defaults: () => ({ folders: [], recent: [] }) });
}
