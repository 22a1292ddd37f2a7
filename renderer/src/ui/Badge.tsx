/** Small coloured labels for scope and status. Colour always comes with a word, never alone. */
import type { KeyStatus, Scope } from "../../../shared/api/schemas";

const SCOPE_LABELS: Record<Scope, string> = { read: "Read-only", write: "Read & write", full: "Full access" };
const STATUS_LABELS: Record<KeyStatus, string> = { active: "Active", revoked: "Revoked", expired: "Expired" };

export function ScopeBadge({ scope }: { scope: Scope }) {
  return <span className={`badge badge-scope-${scope}`}>{SCOPE_LABELS[scope]}</span>;
}

export function StatusBadge({ status }: { status: KeyStatus }) {
  return (
    <span className={`badge badge-status-${status}`}>
      <span className="badge-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function scopeLabel(scope: Scope): string {
  return SCOPE_LABELS[scope];
}

export function statusLabel(status: KeyStatus): string {
  return STATUS_LABELS[status];
}
