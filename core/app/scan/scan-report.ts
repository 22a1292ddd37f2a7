/**
 * Turns the scanner's findings (one per credential and place, with its SHA-256) into the report
 * the Scan page shows: one group per credential, active keys of this workspace first, each with
 * its places, commits and authors.
 * Protects against: a credential's hash reaching the renderer (groups get ids made here; the hash
 * stays in the main process for the exports) and a huge scan flooding the window (the first
 * groups, places and commits only; the exports hold every one). Does not protect against: what
 * the scanner itself put in a finding, which is a display form by its own rule.
 */
import type { Finding, ScanResult } from "../../scan";
import type { LeakMatch, LeakStatus, ScanFolder, ScanGroup, ScanLocation, ScanReport } from "../../../shared/ipc/contract";

export const MAX_GROUPS = 500;
export const MAX_LOCATIONS = 100;
/** Places shown across all groups: every group shows at least its first place. */
export const MAX_TOTAL_LOCATIONS = 5000;
export const MAX_COMMITS = 10;

const STATUS_ORDER: Record<LeakStatus, number> = { active: 0, expired: 1, revoked: 2, none: 3, unmatched: 4 };

export interface ReportContext {
  id: string;
  folder: ScanFolder;
  history: boolean;
  noIgnore: boolean;
  startedAt: string;
  finishedAt: string;
  workspace: { id: string; name: string } | null;
  unmatchedReason: string | null;
}

function matchOf(finding: Finding): LeakMatch {
  const match = finding.match;
  if (!match) return { status: "unmatched", keyId: null, name: null };
  return { status: match.status, keyId: match.keyId ?? null, name: match.name ?? null };
}

function locationOf(finding: Finding): ScanLocation {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    inWorkingTree: finding.inWorkingTree,
    allowed: finding.allowed,
    commits: finding.commits.slice(0, MAX_COMMITS),
    commitCount: finding.commits.length,
    authors: finding.authors,
  };
}

/** Findings grouped by credential, in the order a user acts on them. */
export function groupFindings(findings: readonly Finding[]): { groups: ScanGroup[]; groupCount: number } {
  const byHash = new Map<string, { first: Finding; findings: Finding[] }>();
  for (const finding of findings) {
    const group = byHash.get(finding.sha256);
    if (group) group.findings.push(finding);
    else byHash.set(finding.sha256, { first: finding, findings: [finding] });
  }
  const ordered = [...byHash.values()].sort(
    (a, b) => STATUS_ORDER[matchOf(a.first).status] - STATUS_ORDER[matchOf(b.first).status] || b.findings.length - a.findings.length || (a.first.file < b.first.file ? -1 : 1),
  );
  let budget = MAX_TOTAL_LOCATIONS;
  const groups = ordered.slice(0, MAX_GROUPS).map(({ first, findings: places }, index) => {
    const shown = places.slice(0, Math.max(1, Math.min(MAX_LOCATIONS, budget)));
    budget -= shown.length;
    return {
      id: `k${index + 1}`,
      display: first.display,
      kind: first.kind,
      match: matchOf(first),
      locations: shown.map(locationOf),
      locationCount: places.length,
      inWorkingTree: places.some((place) => place.inWorkingTree),
    };
  });
  return { groups, groupCount: byHash.size };
}

export function toScanReport(result: ScanResult, context: ReportContext): ScanReport {
  const { stats } = result;
  return {
    ...context,
    listing: result.listing,
    stats: { files: stats.files, bytes: stats.bytes, blobs: stats.blobs, blobBytes: stats.blobBytes, skipped: { ...stats.skipped }, durationMs: stats.durationMs },
    findingCount: result.findings.length,
    ...groupFindings(result.findings),
    allowedCount: result.allowed.length,
    warnings: result.warnings,
  };
}
