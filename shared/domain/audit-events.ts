/**
 * Audit events in words, once, for the key details view, the audit log and the reports: what
 * happened, from the event's type and data. Unknown types are named as they are.
 */
import type { AuditEvent } from "../api/schemas";
import { countOf } from "../text/count";
import { refusalLabel } from "./refusals";

export const AUDIT_EVENT_LABELS: Record<string, string> = {
  "key.created": "Key created",
  "key.updated": "Key edited",
  "key.rotated": "Key rotated",
  "key.revoked": "Key revoked",
  "key.expired": "Key expired",
  "key.expiry_scheduled": "Expiry scheduled",
  "auth.denied": "Requests refused",
  "admin_token.created": "Admin token created",
};

export function auditEventLabel(type: string): string {
  return AUDIT_EVENT_LABELS[type] ?? type;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** One line of detail for an event, e.g. "name: “CI” → “CI pipeline”" or "3 requests: key revoked, from 10.0.0.5". */
export function auditEventDetail(event: Pick<AuditEvent, "type" | "data">): string {
  const data = event.data;
  switch (event.type) {
    case "key.created":
      return [text(data.scope), text(data.environment), text(data.replacesId) ? `replaces ${String(data.replacesId)}` : null].filter(Boolean).join(", ");
    case "key.updated": {
      const changes = (data.changes ?? data) as Record<string, { from?: unknown; to?: unknown } | undefined>;
      return Object.entries(changes)
        .filter(([, change]) => change && typeof change === "object" && "to" in change)
        .map(([field, change]) => `${field}: “${String(change!.from ?? "")}” → “${String(change!.to ?? "")}”`)
        .join("; ");
    }
    case "key.rotated":
      return [text(data.successorId) ? `into ${String(data.successorId)}` : null, data.scope !== data.previousScope && text(data.scope) ? `scope ${String(data.previousScope)} → ${String(data.scope)}` : null]
        .filter(Boolean)
        .join(", ");
    case "key.revoked":
      return [text(data.reason), text(data.note)].filter(Boolean).join(": ");
    case "key.expiry_scheduled":
      return text(data.expiresAt) ? `expires ${String(data.expiresAt)}` : "";
    case "key.expired":
      return text(data.expiresAt) ? `at ${String(data.expiresAt)}` : "";
    case "auth.denied": {
      const count = typeof data.count === "number" ? data.count : 0;
      const clients = Array.isArray(data.clients) ? data.clients.filter((client): client is string => typeof client === "string") : [];
      return `${countOf(count, "request")}: ${refusalLabel(text(data.reason) ?? "refused")}${clients.length > 0 ? `, from ${clients.join(", ")}` : ""}`;
    }
    default:
      return "";
  }
}

/** Who did it, readably: "admin token atk_…", "Keyward" (the server itself), or the actor as written. */
export function auditActorLabel(actor: string): string {
  if (actor === "system") return "the workspace";
  if (actor.startsWith("admin_token:")) return `admin token ${actor.slice("admin_token:".length)}`;
  return actor;
}
