/** The text report a person reads in a terminal: each finding on one line, then a summary. */
import type { Finding, ScanResult } from "../types";
import { summarize } from "./json";

const SHOWN_COMMITS = 3;

function formatBytes(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

function status(finding: Finding): string {
  const match = finding.match;
  if (!match) return "";
  if (match.status === "none") return "  not a key of this workspace";
  const action = match.status === "active" ? (finding.allowed ? ": revoke it (marked keyward:allow, but a live key is never allowed)" : ": revoke it") : "";
  return `  ${match.status.toUpperCase()} key "${match.name}" (${match.keyId})${action}`;
}

function allowedNote(result: ScanResult): string[] {
  const count = result.allowed.length;
  if (count === 0) return [];
  const known = result.matched ? "" : " (not checked against a workspace: give --workspace to be sure none is a live key)";
  return [`${count} place${count === 1 ? "" : "s"} marked keyward:allow left out${known}.`];
}

function where(finding: Finding): string {
  const place = `${finding.file}:${finding.line}:${finding.column}`;
  if (finding.commits.length === 0) return place;
  const shown = finding.commits.slice(0, SHOWN_COMMITS).map((commit) => commit.slice(0, 10));
  const more = finding.commits.length > SHOWN_COMMITS ? ` and ${finding.commits.length - SHOWN_COMMITS} more` : "";
  const disk = finding.inWorkingTree ? "" : ", history only";
  return `${place} (in ${finding.commits.length} commit${finding.commits.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}; by ${finding.authors.join(", ")}${disk})`;
}

export function toText(result: ScanResult): string {
  const lines = result.findings.map((finding) => `${finding.display}  ${where(finding)}${status(finding)}`);
  const summary = summarize(result);
  const scanned = [`${summary.files.toLocaleString("en")} file${summary.files === 1 ? "" : "s"} (${formatBytes(summary.bytes)})`];
  if (result.history) scanned.push(`${summary.blobs.toLocaleString("en")} blobs of history (${formatBytes(summary.blobBytes)})`);
  const skipped = Object.entries(summary.skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason.replace("_", " ")}`);
  const tail = `Scanned ${scanned.join(" and ")} in ${(summary.durationMs / 1000).toFixed(1)} s${skipped.length ? `; skipped ${skipped.join(", ")}` : ""}.`;
  if (result.findings.length === 0) return [...result.warnings.map((w) => `Warning: ${w}`), ...allowedNote(result), `No Keyward credentials found. ${tail}`].join("\n");
  const matched = result.matched ? ` (${summary.active} active, ${summary.revoked} revoked, ${summary.expired} expired, ${summary.none} not of this workspace)` : "";
  const head = `${summary.credentials} credential${summary.credentials === 1 ? "" : "s"} found in ${summary.findings} place${summary.findings === 1 ? "" : "s"}${matched}. ${tail}`;
  return [...lines, "", ...result.warnings.map((w) => `Warning: ${w}`), ...allowedNote(result), head].join("\n");
}
