/**
 * The JSON report: one object with a `findings` array. Each finding has its display form, place
 * and commits, and, once the workspace was asked, `match` ("active", "revoked", "expired" or
 * "none") with the key's `keyId` and `name`. It carries the SHA-256 of each credential (what the
 * workspace lookup takes; a hash of ~190 random bits cannot be turned back into the key), never
 * the secret. Finds marked `keyward:allow` and set aside are listed apart, in `allowed`; a marked
 * live key stays in `findings`, with `allowed: true`.
 */
import type { Finding, ScanResult } from "../types";

export const JSON_REPORT_VERSION = 1;

/** A finding as the JSON report writes it: the scanner's fields, with its match flattened. */
export interface JsonFinding extends Pick<Finding, "display" | "kind" | "file" | "line" | "column" | "commits" | "authors" | "inWorkingTree" | "allowed" | "sha256"> {
  match?: "active" | "revoked" | "expired" | "none";
  keyId?: string;
  name?: string;
}

export interface JsonReport {
  version: number;
  root: string;
  history: boolean;
  matched: boolean;
  summary: ReturnType<typeof summarize>;
  findings: JsonFinding[];
  allowed: JsonFinding[];
  warnings: string[];
}

export function summarize(result: ScanResult) {
  const keys = new Map<string, Finding>();
  for (const finding of result.findings) keys.set(finding.sha256, finding);
  const count = (status: string) => [...keys.values()].filter((finding) => finding.match?.status === status).length;
  return {
    findings: result.findings.length,
    credentials: keys.size,
    allowed: result.allowed.length,
    ...(result.matched ? { active: count("active"), revoked: count("revoked"), expired: count("expired"), none: count("none") } : {}),
    files: result.stats.files,
    bytes: result.stats.bytes,
    blobs: result.stats.blobs,
    blobBytes: result.stats.blobBytes,
    skipped: result.stats.skipped,
    durationMs: result.stats.durationMs,
  };
}

export function toJsonReport(result: ScanResult): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    root: result.root,
    history: result.history,
    matched: result.matched,
    summary: summarize(result),
    findings: result.findings.map(toJsonFinding),
    allowed: result.allowed.map(toJsonFinding),
    warnings: result.warnings,
  };
}

function toJsonFinding(finding: Finding): JsonFinding {
  return {
    display: finding.display,
    kind: finding.kind,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    commits: finding.commits,
    authors: finding.authors,
    inWorkingTree: finding.inWorkingTree,
    allowed: finding.allowed,
    sha256: finding.sha256,
    ...(finding.match ? { match: finding.match.status } : {}),
    ...(finding.match?.keyId ? { keyId: finding.match.keyId, name: finding.match.name } : {}),
  };
}
