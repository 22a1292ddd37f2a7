/** The findings screen's filters as pure functions: counts by severity and kind, and which findings show. */
import { FINDING_KINDS, FINDING_SEVERITIES, type Finding, type FindingKind, type FindingSeverity } from "../../../../shared/domain/findings";

export type FindingsFilter = { kind: FindingKind | "all"; severity: FindingSeverity | "all"; search: string; showDismissed: boolean };
export const NO_FINDINGS_FILTER: FindingsFilter = { kind: "all", severity: "all", search: "", showDismissed: false };

export type FindingCounts = { bySeverity: Record<FindingSeverity, number>; byKind: Record<FindingKind, number>; open: number; dismissed: number };

/** Counts of open findings by severity and kind, and how many are dismissed. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const bySeverity = Object.fromEntries(FINDING_SEVERITIES.map((severity) => [severity, 0])) as Record<FindingSeverity, number>;
  const byKind = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, 0])) as Record<FindingKind, number>;
  let dismissed = 0;
  for (const finding of findings) {
    if (finding.dismissal) {
      dismissed++;
      continue;
    }
    bySeverity[finding.severity]++;
    byKind[finding.kind]++;
  }
  return { bySeverity, byKind, open: findings.length - dismissed, dismissed };
}

/** `keyNames` gives each key's name in lower case, for the search. */
export function filterFindings(findings: readonly Finding[], filter: FindingsFilter, keyNames: ReadonlyMap<string, string>): Finding[] {
  const query = filter.search.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (filter.showDismissed || !finding.dismissal) &&
      (filter.kind === "all" || finding.kind === filter.kind) &&
      (filter.severity === "all" || finding.severity === filter.severity) &&
      (query === "" || (keyNames.get(finding.keyId) ?? "").includes(query) || finding.keyId.toLowerCase().includes(query)),
  );
}
