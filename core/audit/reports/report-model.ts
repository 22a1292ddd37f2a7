/**
 * What every report of a quarterly review says, computed once: one row per key with its findings
 * and decision ("not reviewed" when there is none), and the counts by decision, scope, finding kind
 * and severity. The PDF, CSV and JSON reports are renderings of this model.
 */
import { SCOPES, type ApiKey, type Scope } from "../../../shared/api/schemas";
import { FINDING_KINDS, FINDING_SEVERITIES, type Finding, type FindingKind, type FindingSeverity } from "../../../shared/domain/findings";
import { REVIEW_DECISIONS, type Review, type ReviewDecision, type ReviewDecisionKind } from "../../../shared/domain/review";

export const NOT_REVIEWED = "not reviewed";
export type DecisionLabel = ReviewDecisionKind | typeof NOT_REVIEWED;
export const DECISION_LABELS: readonly DecisionLabel[] = [...REVIEW_DECISIONS, NOT_REVIEWED];

export interface ReportRow {
  key: ApiKey;
  /** Open findings first, then dismissed ones. */
  findings: Finding[];
  decision: ReviewDecision | null;
  decisionLabel: DecisionLabel;
}

export interface ReportCounts {
  keys: number;
  decided: number;
  byDecision: Record<DecisionLabel, number>;
  byScope: Record<Scope, number>;
  /** Open (not dismissed) findings per kind. */
  byFinding: Record<FindingKind, number>;
  bySeverity: Record<FindingSeverity, number>;
  dismissedFindings: number;
}

export interface ReportModel {
  review: Review;
  generatedAt: string;
  rows: ReportRow[];
  counts: ReportCounts;
}

const zeros = <K extends string>(names: readonly K[]): Record<K, number> => Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;

export function buildReportModel(review: Review, options: { now?: Date } = {}): ReportModel {
  const findingsByKey = new Map<string, Finding[]>();
  for (const finding of review.findings) {
    const list = findingsByKey.get(finding.keyId);
    if (list) list.push(finding);
    else findingsByKey.set(finding.keyId, [finding]);
  }
  const counts: ReportCounts = {
    keys: review.keys.length,
    decided: 0,
    byDecision: zeros(DECISION_LABELS),
    byScope: zeros(SCOPES),
    byFinding: zeros(FINDING_KINDS),
    bySeverity: zeros(FINDING_SEVERITIES),
    dismissedFindings: 0,
  };
  const rows = [...review.keys]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
    .map((key): ReportRow => {
      const findings = [...(findingsByKey.get(key.id) ?? [])].sort((a, b) => Number(a.dismissal !== null) - Number(b.dismissal !== null));
      const decision = review.decisions[key.id] ?? null;
      const decisionLabel: DecisionLabel = decision?.decision ?? NOT_REVIEWED;
      counts.byDecision[decisionLabel]++;
      if (decision) counts.decided++;
      counts.byScope[key.scope]++;
      for (const finding of findings) {
        if (finding.dismissal) counts.dismissedFindings++;
        else {
          counts.byFinding[finding.kind]++;
          counts.bySeverity[finding.severity]++;
        }
      }
      return { key, findings, decision, decisionLabel };
    });
  return { review, generatedAt: (options.now ?? new Date()).toISOString(), rows, counts };
}

export { FINDING_TITLES } from "../../../shared/domain/findings";
