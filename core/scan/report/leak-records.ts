/**
 * Leak records for monitoring's "leaked in source" finding: one per key of this workspace that a
 * scan found, with up to 50 places ("file:line", or "commit:file:line" for history only).
 */
import type { LeakRecord } from "../../../shared/domain/findings";
import type { ScanResult } from "../types";

const MAX_LOCATIONS = 50;

export function leakRecords(result: ScanResult, foundAt: Date): LeakRecord[] {
  const byKey = new Map<string, LeakRecord>();
  for (const finding of result.findings) {
    const keyId = finding.match?.keyId;
    if (!keyId) continue;
    const record = byKey.get(keyId) ?? { keyId, display: finding.display, foundAt: foundAt.toISOString(), locations: [], locationCount: 0 };
    const place = `${finding.file}:${finding.line}`;
    const location = finding.inWorkingTree || finding.commits.length === 0 ? place : `${finding.commits[finding.commits.length - 1]!.slice(0, 10)}:${place}`;
    if (record.locations.length < MAX_LOCATIONS) record.locations.push(location);
    record.locationCount++;
    byKey.set(keyId, record);
  }
  return [...byKey.values()];
}
