/**
 * Monitoring's findings for the connected workspace: how many by severity and kind, then each
 * finding with its evidence and the one action that resolves it (revoke, rotate, narrow the scope)
 * or a dismissal with a note. Thresholds are in Settings.
 */
import { useMemo, useState } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { FINDING_KINDS, FINDING_SEVERITIES, FINDING_TITLES, type FindingKind, type FindingSeverity } from "../../../../shared/domain/findings";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { formatCount } from "../../ui/format";
import { RefreshIcon } from "../../ui/icons";
import { LabeledSelect } from "../../ui/LabeledSelect";
import { RelativeTime } from "../../ui/RelativeTime";
import { ScreenHeader } from "../../ui/ScreenHeader";
import { Spinner } from "../../ui/Spinner";
import { useKeysStore } from "../inventory";
import { WorkspaceGate, WorkspaceName } from "../workspaces";
import { SEVERITY_LABELS } from "./finding-labels";
import { countFindings, filterFindings, NO_FINDINGS_FILTER, type FindingsFilter } from "./findings-filter";
import { FindingsList } from "./FindingsList";
import { useFindingsStore } from "./findings-store";
import { FindingsSummary } from "./FindingsSummary";

export function FindingsScreen() {
  const computedAt = useFindingsStore((state) => state.computedAt);
  return (
    <section className="screen findings-screen" aria-labelledby="findings-title">
      <ScreenHeader
        id="findings-title"
        title="Findings"
        subtitle={
          <>
            <WorkspaceName /> · What monitoring found in this workspace's keys and their use
            {computedAt ? (
              <>
                {" "}
                · checked <RelativeTime iso={computedAt} />
              </>
            ) : null}
          </>
        }
      />
      <WorkspaceGate>
        <FindingsContent />
      </WorkspaceGate>
    </section>
  );
}

function FindingsContent() {
  const phase = useFindingsStore((state) => state.phase);
  const error = useFindingsStore((state) => state.error);
  const findings = useFindingsStore((state) => state.findings);
  const usageProblem = useFindingsStore((state) => state.usageProblem);
  const refresh = useFindingsStore((state) => state.refresh);
  const keys = useKeysStore((state) => state.keys);
  const [filter, setFilter] = useState<FindingsFilter>(NO_FINDINGS_FILTER);
  const patch = (change: Partial<FindingsFilter>) => setFilter((current) => ({ ...current, ...change }));
  const keysById = useMemo(() => new Map<string, ApiKey>(keys.map((key) => [key.id, key])), [keys]);
  const keyNames = useMemo(() => new Map(keys.map((key) => [key.id, key.name.toLowerCase()])), [keys]);
  const counts = useMemo(() => countFindings(findings), [findings]);
  const shown = useMemo(() => filterFindings(findings, filter, keyNames), [findings, filter, keyNames]);

  if (phase === "error") {
    return (
      <Alert action={<Button onClick={() => void refresh()}>Retry</Button>}>
        <strong>The findings could not be computed.</strong> {error}
      </Alert>
    );
  }
  if (phase !== "ready") return <Spinner label="Checking keys and their use…" />;

  const kindOptions: { value: FindingKind | "all"; label: string }[] = [
    { value: "all", label: `All kinds (${formatCount(counts.open)})` },
    ...FINDING_KINDS.map((kind) => ({ value: kind, label: `${FINDING_TITLES[kind]} (${formatCount(counts.byKind[kind])})` })),
  ];
  const severityOptions: { value: FindingSeverity | "all"; label: string }[] = [
    { value: "all", label: "All severities" },
    ...FINDING_SEVERITIES.map((severity) => ({ value: severity, label: `${SEVERITY_LABELS[severity]} (${formatCount(counts.bySeverity[severity])})` })),
  ];

  return (
    <div className="findings-content">
      {error ? <Alert action={<Button onClick={() => void refresh()}>Retry</Button>}>The findings could not be refreshed. {error}</Alert> : null}
      {usageProblem ? (
        <Alert tone="warning">
          <strong>Refused requests and shared keys were not checked:</strong> {usageProblem}
        </Alert>
      ) : null}
      {counts.open === 0 && counts.dismissed === 0 ? (
        <EmptyState title="No findings">
          <p>Every active key is in use, rotated on time, no broader than what it does, and not found in source code.</p>
        </EmptyState>
      ) : (
        <>
          <FindingsSummary counts={counts} filter={filter} onFilter={patch} />
          <div className="toolbar">
            <div className="toolbar-filters">
              <input type="search" className="input search-input" aria-label="Search findings by key" placeholder="Search by key name or id" value={filter.search} onChange={(event) => patch({ search: event.target.value })} />
              <LabeledSelect label="Kind" value={filter.kind} options={kindOptions} onChange={(kind) => patch({ kind })} />
              <LabeledSelect label="Severity" value={filter.severity} options={severityOptions} onChange={(severity) => patch({ severity })} />
              <label className="inline-check">
                <input type="checkbox" checked={filter.showDismissed} onChange={(event) => patch({ showDismissed: event.target.checked })} />
                Show dismissed ({formatCount(counts.dismissed)})
              </label>
            </div>
            <p className="toolbar-count" aria-live="polite">
              {formatCount(shown.length)} shown
            </p>
            <div className="toolbar-actions">
              <Button variant="ghost" className="icon-only" aria-label="Check again" title="Check again" onClick={() => void refresh()}>
                <RefreshIcon />
              </Button>
            </div>
          </div>
          {shown.length === 0 ? (
            <EmptyState title="No findings match these filters">
              <Button onClick={() => setFilter(NO_FINDINGS_FILTER)}>Clear filters</Button>
            </EmptyState>
          ) : (
            <FindingsList findings={shown} keysById={keysById} />
          )}
        </>
      )}
    </div>
  );
}
