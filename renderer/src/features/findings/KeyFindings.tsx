/**
 * A key's findings in its details view: each with its severity, explanation and actions; dismissed
 * ones with who dismissed them, when and why. The actions close the details view first, so only one
 * dialog is ever open.
 */
import type { ApiKey } from "../../../../shared/api/schemas";
import { FINDING_TITLES } from "../../../../shared/domain/findings";
import { Section } from "../../ui/Section";
import { DismissalNote } from "./DismissalNote";
import { FindingActions } from "./FindingActions";
import { useFindingsStore } from "./findings-store";
import { SeverityBadge } from "./SeverityBadge";

export function KeyFindings({ apiKey, onBeforeAction }: { apiKey: ApiKey; onBeforeAction: () => void }) {
  const findings = useFindingsStore((state) => state.findings).filter((finding) => finding.keyId === apiKey.id);
  const phase = useFindingsStore((state) => state.phase);
  return (
    <Section title="Findings">
      {findings.length === 0 ? (
        <p className="muted">{phase === "ready" ? "None: nothing monitoring checks needs attention on this key." : "Not checked yet."}</p>
      ) : (
        <ul className="stack-list finding-list">
          {findings.map((finding) => (
            <li key={finding.id} className={`finding-item${finding.dismissal ? " finding-dismissed" : ""}`}>
              <div className="finding-head">
                <SeverityBadge severity={finding.severity} />
                <strong>{FINDING_TITLES[finding.kind]}</strong>
                {finding.dismissal ? <span className="muted">Dismissed</span> : null}
              </div>
              <p>{finding.explanation}</p>
              {finding.dismissal ? <DismissalNote dismissal={finding.dismissal} /> : null}
              <FindingActions finding={finding} apiKey={apiKey} onBeforeAction={onBeforeAction} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
