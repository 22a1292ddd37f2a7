/** Small coloured labels for scope, status and environment. Colour always comes with a word, never alone. */
import type { KeyStatus, Scope } from "../../../shared/api/schemas";
import { SCOPE_LABELS } from "../../../shared/domain/scopes";

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

/** Only test keys are marked: live is the default, and a badge on every row would be noise. */
export function EnvironmentBadge({ environment }: { environment: "live" | "test" }) {
  return environment === "test" ? <span className="badge badge-env-test">Test</span> : null;
}
