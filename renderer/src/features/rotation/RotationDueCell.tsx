/**
 * The keys table's "Rotation due" cell. A key being rotated shows its progress and the way back
 * into the wizard; an active key shows when the policy wants it rotated; a key already replaced
 * (its grace period running) shows when it stops; revoked and expired keys show a dash.
 */
import type { ApiKey } from "../../../../shared/api/schemas";
import { useNow, useToday } from "../../ui/clock";
import { formatAbsolute, formatDate, formatRelative } from "../../ui/format";
import { useRotationDays } from "../settings/settings-store";
import { daysUntilDue, dueAt, dueTone, formatDue } from "./rotation-due";
import { STEP_NUMBER, useRotationStore } from "./rotation-store";

export function RotationDueCell({ apiKey, createdMs }: { apiKey: ApiKey; createdMs: number }) {
  const rotation = useRotationStore((state) => state.byOldKeyId.get(apiKey.id));
  if (rotation) return <RotatingCell apiKey={apiKey} step={STEP_NUMBER[rotation.step]} />;
  if (apiKey.status !== "active") {
    return (
      <span className="muted" title={`Only active keys are rotated; this one is ${apiKey.status}.`}>
        —
      </span>
    );
  }
  if (apiKey.replacedById !== null) return <ReplacedCell apiKey={apiKey} />;
  return <DueText createdMs={createdMs} />;
}

function DueText({ createdMs }: { createdMs: number }) {
  const rotationDays = useRotationDays();
  const today = useToday();
  const daysLeft = daysUntilDue(createdMs, rotationDays, today);
  const due = new Date(dueAt(createdMs, rotationDays)).toISOString();
  return (
    <time className={`due due-${dueTone(daysLeft)}`} dateTime={due} title={`Due ${formatDate(due)}: keys are rotated every ${rotationDays} days`}>
      {formatDue(daysLeft)}
    </time>
  );
}

function RotatingCell({ apiKey, step }: { apiKey: ApiKey; step: number }) {
  const openWizard = useRotationStore((state) => state.openWizard);
  return (
    <div className="cell-stack rotating-cell">
      <span className="badge badge-rotating">Rotating · step {step} of 4</span>
      <button type="button" className="link-button" aria-label={`Resume rotation of ${apiKey.name}`} onClick={() => openWizard(apiKey.id, "rotate")}>
        Resume rotation
      </button>
    </div>
  );
}

function ReplacedCell({ apiKey }: { apiKey: ApiKey }) {
  const now = useNow();
  if (!apiKey.expiresAt) return <span className="muted">Replaced</span>;
  return (
    <span className="cell-stack muted">
      <span>Replaced</span>
      <time dateTime={apiKey.expiresAt} title={`Stops working ${formatAbsolute(apiKey.expiresAt)}`}>
        stops {formatRelative(apiKey.expiresAt, now)}
      </time>
    </span>
  );
}
