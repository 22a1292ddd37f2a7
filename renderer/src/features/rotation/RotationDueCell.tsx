/**
 * The keys table's "Rotation due" cell. A key being rotated shows its progress and the way back
 * into the wizard; an active key shows when the policy wants it rotated; a key already replaced
 * (its grace period running) shows when it stops; revoked and expired keys show a dash.
 */
import type { ApiKey } from "../../../../shared/api/schemas";
import { daysUntilRotationDue, dueTone, rotationDueAt } from "../../../../shared/domain/rotation-policy";
import { STEP_NUMBER } from "../../../../shared/domain/rotation-steps";
import { quantity } from "../../../../shared/text/count";
import { useToday } from "../../ui/clock";
import { formatDate, formatDaysFromToday } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { useRotationDays } from "../settings";
import { useRotationStore } from "./rotation-store";

/** `rotatable`: the policy applies (active, and no active successor). `createdMs`: the table's cached creation time. */
export function RotationDueCell({ apiKey, createdMs, rotatable }: { apiKey: ApiKey; createdMs: number; rotatable: boolean }) {
  const rotation = useRotationStore((state) => state.byOldKeyId.get(apiKey.id));
  if (rotation) return <RotatingCell apiKey={apiKey} step={STEP_NUMBER[rotation.step]} />;
  if (apiKey.status !== "active") {
    return (
      <span className="muted" title={`Only active keys are rotated; this one is ${apiKey.status}.`}>
        —
      </span>
    );
  }
  if (!rotatable) return <ReplacedCell apiKey={apiKey} />;
  return <DueText createdMs={createdMs} />;
}

/** "in 23 days", "due today", "overdue by 4 days". */
export function formatDue(daysLeft: number): string {
  if (daysLeft > 0) return formatDaysFromToday(daysLeft);
  if (daysLeft === 0) return "due today";
  return `overdue by ${quantity(-daysLeft, "day")}`;
}

function DueText({ createdMs }: { createdMs: number }) {
  const rotationDays = useRotationDays();
  const today = useToday();
  const daysLeft = daysUntilRotationDue(createdMs, rotationDays, today);
  const due = rotationDueAt(createdMs, rotationDays);
  return (
    <time className={`due due-${dueTone(daysLeft)}`} dateTime={new Date(due).toISOString()} title={`Due ${formatDate(due)}: keys are rotated every ${quantity(rotationDays, "day")}`}>
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
  if (!apiKey.expiresAt) return <span className="muted">Replaced</span>;
  return (
    <span className="cell-stack muted">
      <span>Replaced</span>
      <RelativeTime iso={apiKey.expiresAt} prefix="stops" />
    </span>
  );
}
