/**
 * A key's open findings in the keys table: the most severe one's badge (its kind, or a count when
 * there are several), every finding's explanation on hover or focus. Nothing when the key has none.
 */
import { FINDING_TITLES } from "../../../../shared/domain/findings";
import { countOf } from "../../ui/format";
import { Tooltip } from "../../ui/Tooltip";
import { useKeyFindings } from "./findings-store";

export function FindingBadges({ keyId }: { keyId: string }) {
  const findings = useKeyFindings(keyId);
  const first = findings[0];
  if (!first) return null;
  const label = findings.length === 1 ? FINDING_TITLES[first.kind] : countOf(findings.length, "finding");
  return (
    <Tooltip
      content={
        <ul className="tooltip-list">
          {findings.map((finding) => (
            <li key={finding.id}>
              <strong>{FINDING_TITLES[finding.kind]}:</strong> {finding.explanation}
            </li>
          ))}
        </ul>
      }
    >
      <span className={`badge badge-severity badge-severity-${first.severity} has-tooltip`} tabIndex={0}>
        {label}
      </span>
    </Tooltip>
  );
}
