/** A finding's severity as a badge: the word always, the colour only as a second cue. */
import type { FindingSeverity } from "../../../../shared/domain/findings";
import { SEVERITY_LABELS } from "./finding-labels";

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  return <span className={`badge badge-severity badge-severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}
