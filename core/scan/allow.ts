/**
 * What the `keyward:allow` marker (detect/credential-bytes.ts) does to a scan's findings: a marked
 * find is set aside, reported apart as allowed, unless the workspace says it is one of its active
 * keys. A live key in source is a leak whatever its line says, so the marker cannot hide one; a
 * revoked or expired key, another workspace's, a test vector or an unmatched find can be allowed.
 */
import type { Finding, ScanResult } from "./types";

export function setAsideAllowed(result: ScanResult): void {
  const reported: Finding[] = [];
  const allowed: Finding[] = [];
  for (const finding of result.findings) {
    if (finding.allowed && finding.match?.status !== "active") allowed.push(finding);
    else reported.push(finding);
  }
  result.findings = reported;
  result.allowed = allowed;
}
