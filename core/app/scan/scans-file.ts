/**
 * scans.json: what the desktop's leak scans leave behind. Per workspace and scanned folder, the
 * keys of that workspace the last scan of the folder found (display form and places, never a
 * secret or its hash), which monitoring turns into "leaked in source"; and the folders scanned
 * recently, so the Scan page can offer them again after a restart.
 */
import path from "node:path";
import { z } from "zod";
import { LeakRecord } from "../../../shared/domain/findings";
import { VersionedFile } from "../../persist/versioned-file";
import { parsedItems } from "../state/legacy";

const Time = z.iso.datetime({ offset: false });

/** The most folders remembered across workspaces, and recent folders offered; older ones are dropped. */
export const MAX_FOLDERS = 200;
export const MAX_RECENT = 5;
const MAX_LEAKS_PER_FOLDER = 1000;

export const StoredLeak = LeakRecord.extend({
  /** Every place of it is in the git history only: a later scan without history does not clear it. */
  historyOnly: z.boolean(),
});
export type StoredLeak = z.infer<typeof StoredLeak>;

export const FolderLeaks = z.object({
  workspaceId: z.string().min(1),
  /** The folder's real path, as scanned. */
  folder: z.string().min(1),
  scannedAt: Time,
  leaks: z.unknown().transform((items) => parsedItems(items, (item) => StoredLeak.safeParse(item).data).slice(0, MAX_LEAKS_PER_FOLDER)),
});
export type FolderLeaks = z.infer<typeof FolderLeaks>;

export const RecentFolder = z.object({ path: z.string().min(1), scannedAt: Time });
export type RecentFolder = z.infer<typeof RecentFolder>;

export const ScansContent = z.object({
  folders: z.unknown().transform((items) => parsedItems(items, (item) => FolderLeaks.safeParse(item).data).slice(0, MAX_FOLDERS)),
  recent: z.unknown().transform((items) => parsedItems(items, (item) => RecentFolder.safeParse(item).data).slice(0, MAX_RECENT)),
});
export type ScansContent = z.infer<typeof ScansContent>;

export function openScansFile(dataDir: string): VersionedFile<ScansContent> {
  return new VersionedFile({
    what: "the keys found by leak scans",
    file: path.join(dataDir, "scans.json"),
    version: 1,
    schema: ScansContent,
    defaults: () => ({ folders: [], recent: [] }),
  });
}
