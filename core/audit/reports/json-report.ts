/**
 * The review as JSON, for tools: the review's source, verification and sign-off, the counts, and
 * every key with its findings and decision. Its shape is the zod schema below (versioned), which
 * readers can validate against.
 */
import { z } from "zod";
import { ApiKey, SCOPES } from "../../../shared/api/schemas";
import { Finding, FINDING_KINDS, FINDING_SEVERITIES } from "../../../shared/domain/findings";
import { ReviewDecision, ReviewSource, ReviewVerification } from "../../../shared/domain/review";
import { DECISION_LABELS, type ReportModel } from "./report-model";

const counts = <K extends string>(names: readonly K[]) => z.strictObject(Object.fromEntries(names.map((name) => [name, z.number().int().min(0)])) as Record<K, z.ZodNumber>);

export const REVIEW_REPORT_FORMAT = "keyward-review-report";
export const ReviewReportJson = z.strictObject({
  format: z.literal(REVIEW_REPORT_FORMAT),
  version: z.literal(1),
  generatedAt: z.iso.datetime(),
  review: z.strictObject({
    id: z.string(),
    title: z.string(),
    source: ReviewSource,
    startedAt: z.iso.datetime(),
    signOff: z.object({ reviewer: z.string(), at: z.iso.datetime() }).nullable(),
  }),
  verification: ReviewVerification.nullable(),
  summary: z.strictObject({
    keys: z.number().int(),
    decided: z.number().int(),
    byDecision: counts(DECISION_LABELS),
    byScope: counts(SCOPES),
    byFinding: counts(FINDING_KINDS),
    bySeverity: counts(FINDING_SEVERITIES),
    dismissedFindings: z.number().int(),
  }),
  keys: z.array(z.strictObject({ key: ApiKey, findings: z.array(Finding), decision: z.string(), decisionDetail: ReviewDecision.nullable() })),
});
export type ReviewReportJson = z.infer<typeof ReviewReportJson>;

export function renderJson(model: ReportModel): string {
  const { review } = model;
  const report: ReviewReportJson = {
    format: REVIEW_REPORT_FORMAT,
    version: 1,
    generatedAt: model.generatedAt,
    review: { id: review.id, title: review.title, source: review.source, startedAt: review.startedAt, signOff: review.signOff },
    verification: review.verification,
    summary: model.counts,
    keys: model.rows.map((row) => ({ key: row.key, findings: row.findings, decision: row.decisionLabel, decisionDetail: row.decision })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
