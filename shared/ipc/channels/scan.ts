/**
 * The leak scanner, from the desktop app: choose a folder (the main process asks with the
 * platform's folder dialog and says whether it is in a git repository), scan it and, if asked, its
 * history, with progress and cancel; results grouped by key, exported as SARIF or JSON.
 * Protects against: a found secret crossing into the renderer (a find is named by its display
 * form, and grouped by an id the main process makes, not by the credential or its hash), and a
 * renderer scanning a folder the user never chose (`start` takes only a folder chosen in the
 * dialog or scanned before). Does not protect against: file names and places being shown, which
 * is the point of the page.
 */
import { z } from "zod";
import { channel, NoInput, Time } from "./common";

/** A folder the user chose to scan. */
export const ScanFolder = z.object({
  path: z.string(),
  /** The folder's own name, for headings. */
  name: z.string(),
  /** The top folder of the git repository that holds it, or null: only then can history be scanned. */
  repository: z.string().nullable(),
});
export type ScanFolder = z.infer<typeof ScanFolder>;

export const SCAN_PHASES = ["listing", "scanning", "history", "commits", "matching", "done"] as const;
export const ScanPhase = z.enum(SCAN_PHASES);
export type ScanPhase = z.infer<typeof ScanPhase>;

const count = z.number().int().min(0);

/** Counts so far: files (and blobs of history) read, their bytes, and credentials found (every occurrence). */
export const ScanProgress = z.object({ phase: ScanPhase, files: count, bytes: count, finds: count });
export type ScanProgress = z.infer<typeof ScanProgress>;

/** The scan that is running. */
export const ScanRun = z.object({
  id: z.string(),
  folder: ScanFolder,
  history: z.boolean(),
  noIgnore: z.boolean(),
  startedAt: Time,
  progress: ScanProgress,
});
export type ScanRun = z.infer<typeof ScanRun>;

/**
 * What a found credential is in the workspace: an active, revoked or expired key of it (with its id
 * and name), "none" (the workspace was asked: not one of its keys), or "unmatched" (it could not be
 * asked: offline, or no workspace connected).
 */
export const LEAK_STATUSES = ["active", "revoked", "expired", "none", "unmatched"] as const;
export const LeakStatus = z.enum(LEAK_STATUSES);
export type LeakStatus = z.infer<typeof LeakStatus>;

export const LeakMatch = z.object({ status: LeakStatus, keyId: z.string().nullable(), name: z.string().nullable() });
export type LeakMatch = z.infer<typeof LeakMatch>;

/** One place a credential is written: a file of the folder, and the commits (with authors) whose tree holds it there. */
export const ScanLocation = z.object({
  /** Relative to the scanned folder, "/"-separated. */
  file: z.string(),
  line: count,
  /** 1-based, in UTF-16 code units. */
  column: count,
  /** Whether it is in the files on disk (else it is in the history only). */
  inWorkingTree: z.boolean(),
  /** Its line is marked `keyward:allow` (shown only for a live key, which the marker never hides). */
  allowed: z.boolean(),
  /** Commit ids, oldest first: at most the first ones (`commitCount` says how many in all). */
  commits: z.array(z.string()),
  commitCount: count,
  /** "Name <email>" of those commits' authors, each once. */
  authors: z.array(z.string()),
});
export type ScanLocation = z.infer<typeof ScanLocation>;

/** Every place one credential was found. */
export const ScanGroup = z.object({
  /** Made by the main process for this report ("k1", "k2"…): neither the credential nor its hash. */
  id: z.string(),
  display: z.string(),
  kind: z.enum(["live", "test", "admin"]),
  match: LeakMatch,
  /** The first places (`locationCount` says how many in all; the exports hold every one). */
  locations: z.array(ScanLocation),
  locationCount: count,
  /** Whether any place is in the files on disk. */
  inWorkingTree: z.boolean(),
});
export type ScanGroup = z.infer<typeof ScanGroup>;

export const ScanStats = z.object({
  files: count,
  bytes: count,
  blobs: count,
  blobBytes: count,
  skipped: z.object({ binary: count, too_large: count, symlink: count, special: count, unreadable: count }),
  durationMs: count,
});
export type ScanStats = z.infer<typeof ScanStats>;

/** A finished scan's results, grouped by key: active keys of this workspace first. */
export const ScanReport = z.object({
  id: z.string(),
  folder: ScanFolder,
  history: z.boolean(),
  noIgnore: z.boolean(),
  startedAt: Time,
  finishedAt: Time,
  /** How the files were chosen: as git lists them, by .gitignore, or every file. */
  listing: z.enum(["git", "gitignore", "all", "staged", "stdin", "none"]),
  stats: ScanStats,
  /** The workspace the finds were looked up in (null: none could be asked). */
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Why the finds are unmatched, in words; null when the workspace was asked. */
  unmatchedReason: z.string().nullable(),
  /** Places found (every credential at every place). */
  findingCount: count,
  /** Distinct credentials found; `groups` holds the first ones. */
  groupCount: count,
  groups: z.array(ScanGroup),
  /** Places marked `keyward:allow` and left out of the groups (the exports list them). */
  allowedCount: count,
  warnings: z.array(z.string()),
});
export type ScanReport = z.infer<typeof ScanReport>;

export const ScanStatus = z.object({
  running: ScanRun.nullable(),
  /** The last finished scan's results (kept in memory until the app quits). */
  last: ScanReport.nullable(),
  /** Folders scanned before, most recent first, that still exist. */
  recent: z.array(ScanFolder),
});
export type ScanStatus = z.infer<typeof ScanStatus>;

export const ScanStartInput = z.strictObject({
  folder: z.string().min(1).max(4096),
  /** Also scan every blob of the repository's history (only for a folder in a git repository). */
  history: z.boolean().default(false),
  /** Also read the files .gitignore excludes. */
  noIgnore: z.boolean().default(false),
});
export type ScanStartInput = z.input<typeof ScanStartInput>;

export const SCAN_EXPORT_FORMATS = ["sarif", "json"] as const;
export const ScanExportFormat = z.enum(SCAN_EXPORT_FORMATS);
export type ScanExportFormat = z.infer<typeof ScanExportFormat>;

export const SCAN_CHANNELS = {
  /** The running scan, the last results and the recent folders (a page opened mid-scan catches up). */
  status: channel(NoInput, ScanStatus),
  /** Asks for a folder with the platform's dialog; null when the user cancelled it. */
  chooseFolder: channel(NoInput, ScanFolder.nullable()),
  /** Starts a scan (one at a time: `conflict` while one runs); progress and the end come as events. */
  start: channel(ScanStartInput, ScanRun),
  /** Cancels the running scan; `cancelled` is false when none was running. */
  cancel: channel(NoInput, z.object({ cancelled: z.boolean() })),
  /** Saves the last results as SARIF 2.1.0 or JSON where the user chooses; `path` is null when cancelled. */
  export: channel(z.strictObject({ format: ScanExportFormat }), z.object({ path: z.string().nullable() })),
} as const;

/** Events the scanner sends while it works. */
export const SCAN_EVENTS = {
  /** At most ten a second, and at every change of phase. */
  "scan.progress": ScanProgress.extend({ id: z.string() }),
  /** The scan ended: with its report, cancelled, or failed with a message a user understands. */
  "scan.finished": z.object({
    id: z.string(),
    outcome: z.enum(["done", "cancelled", "failed"]),
    report: ScanReport.nullable(),
    message: z.string().nullable(),
  }),
} as const;
