/*
 * The audit screens' words: this app's own events (its local log) beside the workspace's
 * (shared/domain/audit-events), where an event comes from, what verifying found, and progress.
 * Events about secrets (a passphrase changed, a secret copied) are named, never shown.
 * Protects against: a secret in the audit views (only labels, display forms and counts are
 * written; the local log refuses credential-shaped data). Does not protect against: a name or note
 * a user typed a secret into, which is shown as written.
 */
import type { AuditEvent } from "../../../../shared/api/schemas";
import { AUDIT_EVENT_LABELS, auditActorLabel, auditEventDetail, auditEventLabel } from "../../../../shared/domain/audit-events";
import { APP_LOG_ACTOR, type AuditLogSource, type EventPayload } from "../../../../shared/ipc/contract";
import { countOf, formatBytes } from "../../ui/format";

/** The types this app records in its local log (core/audit/local-log-events.ts), in words. */
export const APP_EVENT_LABELS: Record<string, string> = {
  "vault.created": "Vault created",
  "vault.unlocked": "Vault unlocked",
  "vault.unlock_failed": "Vault unlock failed",
  "vault.locked": "Vault locked",
  "vault.exported": "Vault exported",
  "vault.imported": "Vault imported",
  "vault.passphrase_changed": "Vault passphrase changed",
  "secret.copied": "Secret copied",
  "secret.revealed": "Secret shown",
  "secret.stored": "Secret kept in the vault",
  "key.generated": "Key generated here",
  "key.rotated": "Key rotated here",
  "key.revoked": "Key revoked here",
  "workspace.added": "Workspace added",
  "workspace.removed": "Workspace removed",
  "scan.completed": "Leak scan finished",
  "finding.dismissed": "Finding dismissed",
  "finding.restored": "Finding restored",
  "audit.bundle_verified": "Audit bundle verified",
  "audit.review_signed_off": "Review signed off",
  "audit.report_exported": "Review report exported",
  "team_vault.member_removed": "Team vault member removed",
  "log.recovered": "Log recovered after a crash",
};

/** Every type either log may hold, for the type filter: value and words, the workspace's first. */
export const EVENT_TYPE_OPTIONS: { value: string; label: string }[] = [
  ...Object.entries(AUDIT_EVENT_LABELS).map(([value, label]) => ({ value, label: `${label} (${value})` })),
  ...Object.entries(APP_EVENT_LABELS)
    .filter(([value]) => !(value in AUDIT_EVENT_LABELS))
    .map(([value, label]) => ({ value, label: `${label} (${value})` })),
];

/** Where a plain event (as `keys.events` answers them) comes from: this app's log writes its own actor. */
export function eventSource(event: Pick<AuditEvent, "actor">): AuditLogSource {
  return event.actor === APP_LOG_ACTOR ? "app" : "workspace";
}

export const SOURCE_LABELS: Record<AuditLogSource, string> = { workspace: "Workspace", app: "This app" };

export function eventLabel(event: Pick<AuditEvent, "type" | "actor">): string {
  return eventSource(event) === "app" ? (APP_EVENT_LABELS[event.type] ?? event.type) : auditEventLabel(event.type);
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** One line of detail: the workspace's events as shared/domain words them, this app's from their data. */
export function eventDetail(event: Pick<AuditEvent, "type" | "actor" | "data">): string {
  if (eventSource(event) === "workspace") return auditEventDetail(event);
  const data = event.data;
  const parts = (...values: unknown[]) => values.map(text).filter(Boolean).join(", ");
  switch (event.type) {
    case "key.generated":
      return parts(data.name, data.scope, data.workspace ? `in ${String(data.workspace)}` : null, data.keptInVault === true ? "kept in the vault" : null);
    case "key.rotated":
    case "key.revoked":
      return [auditEventDetail(event), text(data.workspace) ? `in ${String(data.workspace)}` : null].filter(Boolean).join(", ");
    case "secret.copied":
      return parts(data.label, typeof data.clearAfterSeconds === "number" ? `cleared after ${countOf(data.clearAfterSeconds, "second")}` : null);
    case "secret.revealed":
    case "secret.stored":
      return parts(data.label);
    case "vault.unlocked":
      return parts(data.method);
    case "vault.unlock_failed":
      return parts(data.method, data.reason);
    case "vault.locked":
      return parts(typeof data.reason === "string" ? data.reason.replace("_", " ") : null);
    case "vault.exported":
    case "vault.imported":
      return parts(data.file, typeof data.entries === "number" ? countOf(data.entries, "entry", "entries") : null);
    case "workspace.added":
    case "workspace.removed":
      return parts(data.workspace, data.url);
    case "finding.dismissed":
      return parts(data.kind, data.note ? `“${String(data.note)}”` : null);
    case "finding.restored":
      return parts(data.kind);
    case "audit.bundle_verified":
      return parts(data.valid === true ? "valid" : "not valid", data.file);
    case "audit.review_signed_off":
      return parts(data.reviewer ? `by ${String(data.reviewer)}` : null, typeof data.keys === "number" ? countOf(data.keys, "key") : null);
    case "audit.report_exported":
      return parts(typeof data.format === "string" ? data.format.toUpperCase() : null, data.file);
    case "team_vault.member_removed":
      return parts(data.member, data.vault);
    default:
      return "";
  }
}

export function actorLabel(actor: string): string {
  return actor === APP_LOG_ACTOR ? "Keyward on this computer" : auditActorLabel(actor);
}

type Progress = EventPayload<"audit.progress">;

export function progressLabel(progress: Progress): string {
  switch (progress.phase) {
    case "downloading":
      return progress.totalBytes ? `Downloading the audit bundle: ${formatBytes(progress.bytes)} of ${formatBytes(progress.totalBytes)}…` : `Downloading the audit bundle: ${formatBytes(progress.bytes)} so far…`;
    case "verifying":
      return `Verifying the signature and every event of the chain (${formatBytes(progress.bytes)})…`;
    case "reading":
      return `Reading the bundle (${formatBytes(progress.bytes)})…`;
    case "findings":
      return "Computing the findings from the bundle…";
  }
}

/** A date input's day (local) as the first or last millisecond of it, in ISO. */
export function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const at = end ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date, 0, 0, 0, 0);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const eventTime = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** "Jun 3, 2026, 14:03:41": an audit event's time, to the second, in local time. */
export function formatEventTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : eventTime.format(date);
}
