/**
 * An opened bundle's inventory: every key as the workspace signed it, active first, each with the
 * findings computed from the bundle alone (as of its export time).
 */
import type { ApiKey } from "../../../../shared/api/schemas";
import type { Finding } from "../../../../shared/domain/findings";
import { ScopeBadge, StatusBadge } from "../../ui/Badge";
import { DataTable } from "../../ui/DataTable";
import { countOf } from "../../ui/format";
import { Section } from "../../ui/Section";
import { formatEventTime } from "./audit-text";
import { FindingList } from "./FindingList";

const COLUMNS = [
  "Key",
  { header: "Scope", className: "audit-col-badge" },
  { header: "Status", className: "audit-col-badge" },
  { header: "Last used", className: "audit-col-used" },
  { header: "Findings", className: "audit-col-findings" },
];

export function BundleInventory({ keys, findings, generatedAt }: { keys: ApiKey[]; findings: Finding[]; generatedAt: string }) {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) byKey.set(finding.keyId, [...(byKey.get(finding.keyId) ?? []), finding]);
  const sorted = [...keys].sort((a, b) => Number(b.status === "active") - Number(a.status === "active") || a.name.localeCompare(b.name));
  const active = keys.filter((key) => key.status === "active").length;
  return (
    <Section
      level={2}
      className="card"
      title="Inventory"
      aside={
        <span className="muted">
          {countOf(keys.length, "key")} ({active} active), {countOf(findings.length, "finding")} as of {formatEventTime(generatedAt)}
        </span>
      }
    >
      <div className="audit-table-wrap">
        <DataTable className="simple-table simple-table-dense audit-table audit-inventory" caption="The bundle's keys and their findings" columns={COLUMNS}>
          {sorted.map((key) => (
            <tr key={key.id}>
              <td>
                <span className="audit-key-name">{key.name}</span>
                <code className="key-display">{key.display}</code>
                <span className="muted audit-small">Created {formatEventTime(key.createdAt)}</span>
              </td>
              <td>
                <ScopeBadge scope={key.scope} />
              </td>
              <td>
                <StatusBadge status={key.status} />
              </td>
              <td>{key.lastUsedAt ? <span className="audit-small">{formatEventTime(key.lastUsedAt)}</span> : <span className="muted audit-small">Never</span>}</td>
              <td>
                <FindingList findings={byKey.get(key.id) ?? []} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Section>
  );
}
