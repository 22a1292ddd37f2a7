/** A key's findings in a line each: the severity as a badge (word and colour), then the explanation with its numbers and dates. */
import { FINDING_TITLES, type Finding } from "../../../../shared/domain/findings";

const SEVERITY_LABELS: Record<Finding["severity"], string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="muted audit-no-findings">No findings</p>;
  return (
    <ul className="stack-list audit-findings" aria-label="Findings">
      {findings.map((finding) => (
        <li key={finding.id} className="audit-finding">
          <span className={`badge audit-severity audit-severity-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
          <span>
            <span className="audit-finding-title">{FINDING_TITLES[finding.kind]}:</span> {finding.explanation}
            {finding.dismissal ? <span className="muted"> Dismissed: “{finding.dismissal.note}”</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
