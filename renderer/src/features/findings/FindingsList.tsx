/**
 * The findings that pass the filters, most severe first: severity, the key (its name opens its
 * details), the finding with its evidence, and its actions. Long lists show in pages of 100, so a
 * workspace with thousands of findings stays quick.
 */
import { useMemo, useState } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { FINDING_TITLES, type Finding } from "../../../../shared/domain/findings";
import { Button } from "../../ui/Button";
import { ACTIONS_COLUMN, DataTable } from "../../ui/DataTable";
import { formatCount } from "../../ui/format";
import { KeyNameButton } from "../key-details";
import { DismissalNote } from "./DismissalNote";
import { FindingActions } from "./FindingActions";
import { SeverityBadge } from "./SeverityBadge";

const PAGE = 100;
const COLUMNS = ["Severity", "Key", "Finding", ACTIONS_COLUMN];

export function FindingsList({ findings, keysById }: { findings: readonly Finding[]; keysById: ReadonlyMap<string, ApiKey> }) {
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => findings.slice(0, limit), [findings, limit]);
  return (
    <div className="findings-list-wrap">
      <DataTable className="findings-table" caption="Findings, most severe first" columns={COLUMNS}>
        {shown.map((finding) => {
          const apiKey = keysById.get(finding.keyId);
          return (
            <tr key={finding.id} data-finding-id={finding.id} className={finding.dismissal ? "finding-dismissed" : undefined}>
              <td>
                <SeverityBadge severity={finding.severity} />
              </td>
              <td className="finding-key">
                <KeyNameButton keyId={finding.keyId} name={apiKey?.name ?? finding.keyId} />
                {apiKey ? <code className="key-display muted">{apiKey.display}</code> : null}
              </td>
              <td className="finding-text">
                <strong>{FINDING_TITLES[finding.kind]}</strong>
                <p>{finding.explanation}</p>
                {finding.dismissal ? <DismissalNote dismissal={finding.dismissal} /> : null}
              </td>
              <td className="finding-actions-cell">
                <FindingActions finding={finding} apiKey={apiKey} />
              </td>
            </tr>
          );
        })}
      </DataTable>
      {findings.length > limit ? (
        <div className="list-more">
          <Button onClick={() => setLimit(limit + PAGE)}>Show {formatCount(Math.min(PAGE, findings.length - limit))} more</Button>
          <span className="muted">
            {formatCount(limit)} of {formatCount(findings.length)} shown
          </span>
        </div>
      ) : null}
    </div>
  );
}
