/**
 * The review as CSV, one row per key, in the spirit of AWS's IAM credential report: fixed,
 * documented columns (docs/reports.md), ISO-8601 UTC times, empty cells for "none". Cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are prefixed
 * with ' by papaparse, so a key named "=HYPERLINK(…)" stays text.
 */
import Papa from "papaparse";
import type { ReportModel, ReportRow } from "./report-model";

export const CSV_COLUMNS = [
  "key_id",
  "name",
  "scope",
  "environment",
  "display",
  "status",
  "created_at",
  "created_by",
  "expires_at",
  "revoked_at",
  "last_used_at",
  "last_used_ip",
  "last_used_user_agent",
  "last_read_at",
  "last_write_at",
  "last_settings_at",
  "last_refused_at",
  "last_refused_reason",
  "replaces_id",
  "replaced_by_id",
  "findings",
  "highest_severity",
  "suggested_scope",
  "dismissed_findings",
  "decision",
  "decision_note",
  "decided_at",
  "carried_out_at",
  "carried_out_result",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const SEVERITY_ORDER = ["critical", "high", "medium", "low"];

function cells(row: ReportRow): Record<CsvColumn, string> {
  const { key, findings, decision } = row;
  const open = findings.filter((finding) => finding.dismissal === null);
  const highest = open.map((finding) => finding.severity).sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b))[0];
  const text = (value: string | null | undefined) => value ?? "";
  return {
    key_id: key.id,
    name: key.name,
    scope: key.scope,
    environment: key.environment,
    display: key.display,
    status: key.status,
    created_at: key.createdAt,
    created_by: key.createdBy,
    expires_at: text(key.expiresAt),
    revoked_at: text(key.revokedAt),
    last_used_at: text(key.lastUsedAt),
    last_used_ip: text(key.lastUsedIp),
    last_used_user_agent: text(key.lastUsedUserAgent),
    last_read_at: text(key.lastReadAt),
    last_write_at: text(key.lastWriteAt),
    last_settings_at: text(key.lastSettingsAt),
    last_refused_at: text(key.lastRefusedAt),
    last_refused_reason: text(key.lastRefusedReason),
    replaces_id: text(key.replacesId),
    replaced_by_id: text(key.replacedById),
    findings: open.map((finding) => finding.kind).join(";"),
    highest_severity: text(highest),
    suggested_scope: text(open.find((finding) => finding.suggestedScope !== null)?.suggestedScope),
    dismissed_findings: findings.filter((finding) => finding.dismissal !== null).map((finding) => finding.kind).join(";"),
    decision: row.decisionLabel,
    decision_note: text(decision?.note),
    decided_at: text(decision?.decidedAt),
    carried_out_at: text(decision?.carriedOut?.at),
    carried_out_result: text(decision?.carriedOut?.result),
  };
}

export function renderCsv(model: ReportModel): string {
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: model.rows.map((row) => CSV_COLUMNS.map((column) => cells(row)[column])) }, { escapeFormulae: true, newline: "\r\n" });
}
