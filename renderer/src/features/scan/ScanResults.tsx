/**
 * A finished scan's results: what was read, then every credential found, grouped by key in the
 * order a user acts on them (active keys of this workspace first). A key's status follows the
 * keys list, so a key revoked from here moves to "revoked" at once. Exports as SARIF and JSON.
 */
import { useMemo, useState } from "react";
import type { LeakMatch, ScanExportFormat, ScanGroup, ScanReport } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { countOf } from "../../ui/format";
import { CheckIcon } from "../../ui/icons";
import { RelativeTime } from "../../ui/RelativeTime";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKeysStore } from "../inventory";
import { RevokedNotice } from "../revoke";
import { LeakGroup } from "./LeakGroup";
import { allowedSummary, readSummary, SECTIONS, skippedSummary } from "./scan-text";
import { useScanStore } from "./scan-store";

/** A group's match as it is now: the keys list knows of revocations made since the scan. */
function useLiveMatches(report: ScanReport): { matches: Map<string, LeakMatch>; canAct: boolean } {
  const keys = useKeysStore((state) => state.keys);
  const keysWorkspace = useKeysStore((state) => state.workspaceId);
  const canAct = report.workspace !== null && keysWorkspace === report.workspace.id;
  // Up to 500 groups against 10,000 keys: by id, and once per change of either, not per render.
  const matches = useMemo(() => {
    const byId = new Map(canAct ? keys.map((key) => [key.id, key]) : []);
    const live = new Map<string, LeakMatch>();
    for (const group of report.groups) {
      const key = group.match.keyId ? byId.get(group.match.keyId) : undefined;
      live.set(group.id, key ? { status: key.status, keyId: key.id, name: key.name } : group.match);
    }
    return live;
  }, [report, keys, canAct]);
  return { matches, canAct };
}

export function ScanResults({ report }: { report: ScanReport }) {
  const { matches, canAct } = useLiveMatches(report);
  const workspaceName = report.workspace?.name ?? "this workspace";
  const skipped = skippedSummary(report);
  const allowed = allowedSummary(report);
  const hidden = report.groupCount - report.groups.length;

  return (
    <section className="scan-results" aria-labelledby="scan-results-title">
      <div className="scan-results-header">
        <div>
          <h2 className="card-title" id="scan-results-title">
            {report.groupCount === 0 ? `No keys found in ${report.folder.name}` : `${countOf(report.groupCount, "key")} found in ${countOf(report.findingCount, "place")}`}
          </h2>
          <p className="muted">
            {report.folder.name}
            {report.history ? " and its history" : ""}, scanned <RelativeTime iso={report.finishedAt} />. {readSummary(report)} {skipped} {allowed}
          </p>
        </div>
        <ExportButtons />
      </div>
      {report.unmatchedReason ? <Alert tone="warning">{report.unmatchedReason}</Alert> : null}
      {report.warnings.map((warning) => (
        <Alert key={warning} tone="warning">
          {warning}
        </Alert>
      ))}
      <RevokedNotice />
      {report.groupCount === 0 ? (
        <EmptyState icon={<CheckIcon width={26} height={26} />} title="Nothing leaked here">
          <p>No Keyward key is written in {report.history ? "these files or their history" : "these files"}.</p>
          {report.folder.repository && !report.history ? <p>Keys deleted from the files can still be in the git history: scan again with “Include history”.</p> : null}
        </EmptyState>
      ) : (
        SECTIONS.map((section) => {
          const groups = report.groups.filter((group) => (section.statuses as readonly string[]).includes(matches.get(group.id)!.status));
          return groups.length > 0 ? <ResultSection key={section.id} title={section.title(workspaceName)} groups={groups} matches={matches} canAct={canAct} workspaceName={workspaceName} /> : null;
        })
      )}
      {hidden > 0 ? <p className="muted">{countOf(hidden, "more key")} found: the exports list every one.</p> : null}
    </section>
  );
}

function ResultSection({ title, groups, matches, canAct, workspaceName }: { title: string; groups: ScanGroup[]; matches: Map<string, LeakMatch>; canAct: boolean; workspaceName: string }) {
  return (
    <section className="scan-section" aria-label={title}>
      <h3 className="section-title">
        {title} <span className="muted">({groups.length})</span>
      </h3>
      <div className="scan-groups">
        {groups.map((group) => (
          <LeakGroup key={group.id} group={group} match={matches.get(group.id)!} canAct={canAct} workspaceName={workspaceName} />
        ))}
      </div>
    </section>
  );
}

function ExportButtons() {
  const exportReport = useScanStore((state) => state.exportReport);
  const exporting = useAsyncAction();
  const [saved, setSaved] = useState<string | null>(null);
  const save = (format: ScanExportFormat) =>
    void exporting.run(async () => {
      setSaved(null);
      const path = await exportReport(format);
      if (path) setSaved(path);
    });
  return (
    <div className="scan-export">
      <div className="card-actions">
        <Button size="sm" onClick={() => save("sarif")} disabled={exporting.busy}>
          Export SARIF
        </Button>
        <Button size="sm" onClick={() => save("json")} disabled={exporting.busy}>
          Export JSON
        </Button>
      </div>
      <p className="field-hint scan-export-status" role="status">
        {saved ? (
          <>
            Saved to <code title={saved}>{saved}</code>
          </>
        ) : null}
      </p>
      {exporting.error ? <Alert>{exporting.error.message}</Alert> : null}
    </div>
  );
}
