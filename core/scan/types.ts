/**
 * The scanner's public shapes: what a caller (the desktop's Scan page, the command line) passes
 * and gets back. A finding names a credential by its display form and the SHA-256 of the whole
 * credential (what the workspace lookup takes), never by the secret.
 */
import type { KeyStatus } from "../../shared/api/schemas";

export type CredentialKind = "live" | "test" | "admin";

export type ScanPhase = "listing" | "scanning" | "history" | "commits" | "matching" | "done";

export interface ScanProgress {
  phase: ScanPhase;
  /** Files (and, in a history scan, blobs) read so far. */
  files: number;
  bytes: number;
  /** Credentials found so far (every occurrence, before grouping). */
  finds: number;
}

export interface ScanMatch {
  /** "none": the workspace was asked and this is not one of its keys. */
  status: KeyStatus | "none";
  keyId?: string;
  name?: string;
}

export interface Finding {
  /** SHA-256 (lowercase hex) of the credential: groups finds of one key; the workspace lookup takes it. */
  sha256: string;
  display: string;
  kind: CredentialKind;
  /** Relative to the scanned root, "/"-separated; "-" for standard input. */
  file: string;
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** Commits whose tree holds the credential at this place, oldest first; empty outside history. */
  commits: string[];
  /** Authors ("Name <email>") of those commits, each once. */
  authors: string[];
  /** Whether the credential is in the files on disk (or, for --staged, in the index). */
  inWorkingTree: boolean;
  /** Its line marks it `keyward:allow` (in every version of the place that holds it). */
  allowed: boolean;
  /** Set once the workspace was asked (matchFindings). */
  match?: ScanMatch;
}

export type SkipCounts = Record<"binary" | "too_large" | "symlink" | "special" | "unreadable", number>;

export interface ScanStats {
  files: number;
  bytes: number;
  /** History: blobs scanned, their bytes, and binary blobs skipped. */
  blobs: number;
  blobBytes: number;
  skipped: SkipCounts;
  /** Worker threads used (0: the calling thread). */
  threads: number;
  durationMs: number;
}

export interface ScanResult {
  root: string;
  /** How the working tree's files were chosen: as git lists them, by .gitignore, or all. */
  listing: "git" | "gitignore" | "all" | "staged" | "stdin" | "none";
  history: boolean;
  findings: Finding[];
  /**
   * Finds marked `keyward:allow` and left out of `findings`: not a live key of the workspace (or,
   * unmatched, not known to be one). A marked live key is in `findings`, with `allowed` set.
   */
  allowed: Finding[];
  stats: ScanStats;
  /** Whether each finding was looked up in a workspace. */
  matched: boolean;
  /** Things the user should know that did not stop the scan. */
  warnings: string[];
}
