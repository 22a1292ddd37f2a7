/** The Scan page's words: phases, match statuses, durations and the summary of what a scan read. */
import type { LeakStatus, ScanPhase, ScanReport } from "../../../../shared/ipc/contract";
import { countOf, formatBytes, formatCount } from "../../ui/format";

export function phaseLabel(phase: ScanPhase, workspaceName: string | null): string {
  switch (phase) {
    case "listing":
      return "Listing the files…";
    case "scanning":
      return "Reading the files…";
    case "history":
      return "Reading the git history…";
    case "commits":
      return "Finding the commits that hold each key…";
    case "matching":
      return `Looking the keys up in ${workspaceName ?? "the workspace"}…`;
    case "done":
      return "Finishing…";
  }
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${formatCount(ms)} ms` : `${(ms / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s`;
}

export const STATUS_BADGES: Record<LeakStatus, string> = {
  active: "Active key",
  revoked: "Revoked key",
  expired: "Expired key",
  none: "Not a key of this workspace",
  unmatched: "Not looked up",
};

/** Sections of the results, in the order a user acts on them. */
export const SECTIONS = [
  { id: "active", statuses: ["active"], title: (workspace: string) => `Active keys of ${workspace}: revoke them` },
  { id: "retired", statuses: ["revoked", "expired"], title: (workspace: string) => `Revoked or expired keys of ${workspace}` },
  { id: "none", statuses: ["none"], title: (workspace: string) => `Not keys of ${workspace}` },
  { id: "unmatched", statuses: ["unmatched"], title: () => "Not looked up in a workspace" },
] as const satisfies readonly { id: string; statuses: readonly LeakStatus[]; title: (workspace: string) => string }[];

/** "Read 1,204 files (12.3 MB) and 340 versions of files from the history (1.2 MB) in 1.4 s." */
export function readSummary(report: ScanReport): string {
  const { stats } = report;
  const parts = [`${countOf(stats.files, "file")} (${formatBytes(stats.bytes)})`];
  if (report.history) parts.push(`${countOf(stats.blobs, "version")} of files from the history (${formatBytes(stats.blobBytes)})`);
  return `Read ${parts.join(" and ")} in ${formatDuration(stats.durationMs)}.`;
}

const SKIP_WORDS: Record<keyof ScanReport["stats"]["skipped"], [string, string]> = {
  binary: ["binary file", "binary files"],
  too_large: ["file over the size limit", "files over the size limit"],
  symlink: ["symbolic link", "symbolic links"],
  special: ["special file", "special files"],
  unreadable: ["unreadable file", "unreadable files"],
};

/** "Skipped 3 binary files and 1 symbolic link." or null. */
export function skippedSummary(report: ScanReport): string | null {
  const parts = (Object.keys(SKIP_WORDS) as (keyof typeof SKIP_WORDS)[])
    .filter((reason) => report.stats.skipped[reason] > 0)
    .map((reason) => countOf(report.stats.skipped[reason], SKIP_WORDS[reason][0], SKIP_WORDS[reason][1]));
  if (parts.length === 0) return null;
  return `Skipped ${new Intl.ListFormat("en", { type: "conjunction" }).format(parts)}.`;
}

/** The places set aside by their `keyward:allow` marker, in words; null when there are none. */
export function allowedSummary(report: ScanReport): string | null {
  if (report.allowedCount === 0) return null;
  const checked = report.workspace ? "none is a live key of the workspace" : "the workspace could not check them";
  return `${countOf(report.allowedCount, "place")} marked keyward:allow left out (${checked}; the exports list them).`;
}

/** "Ada Author <ada@example.com>" → "Ada Author". */
export function authorName(author: string): string {
  return author.replace(/\s*<[^>]*>$/, "") || author;
}
