/**
 * The audit log of the connected workspace: the chains' verification at the top, then its events
 * and this app's own, newest first and marked by source, filtered by key, type, actor and dates,
 * a page at a time ("Load older"). Without a workspace, this app's own events still show.
 */
import { useEffect } from "react";
import type { WorkspaceSummary } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { countOf } from "../../ui/format";
import { Spinner } from "../../ui/Spinner";
import { Section } from "../../ui/Section";
import { useKeysStore } from "../inventory";
import { useAuditLogStore } from "./audit-log-store";
import { ChainStatus } from "./ChainStatus";
import { EventTable } from "./EventTable";
import { LogFilters } from "./LogFilters";

export function AuditLogView({ workspace }: { workspace: WorkspaceSummary | null }) {
  const entries = useAuditLogStore((state) => state.entries);
  const next = useAuditLogStore((state) => state.next);
  const phase = useAuditLogStore((state) => state.phase);
  const error = useAuditLogStore((state) => state.error);
  const workspaceProblem = useAuditLogStore((state) => state.workspaceProblem);
  const loadingOlder = useAuditLogStore((state) => state.loadingOlder);
  const load = useAuditLogStore((state) => state.load);
  const loadOlder = useAuditLogStore((state) => state.loadOlder);
  const keys = useKeysStore((state) => (workspace && state.workspaceId === workspace.id ? state.keys : []));
  const names = new Map(keys.map((key) => [key.id, key.name]));
  const workspaceId = workspace?.id ?? null;

  useEffect(() => {
    const { load, checkApp, checkWorkspace } = useAuditLogStore.getState();
    void load(workspaceId);
    void checkApp();
    // Read after `load`, which forgets another workspace's check.
    if (workspaceId && useAuditLogStore.getState().workspaceCheck.state === "idle") void checkWorkspace();
  }, [workspaceId]);

  return (
    <div className="audit-view">
      <ChainStatus workspaceName={workspace?.name ?? null} />
      <Section
        level={2}
        className="card audit-log"
        title="Events"
        aside={<span className="muted">{workspace ? `${workspace.name} and this app, newest first` : "This app's own, newest first"}</span>}
      >
        <LogFilters keys={keys} />
        {workspaceProblem && workspace ? <Alert tone="warning">The workspace's events are not shown: {workspaceProblem}</Alert> : null}
        {error ? <Alert action={<Button onClick={() => void load(workspaceId)}>Retry</Button>}>{error}</Alert> : null}
        {phase === "loading" && entries.length === 0 ? (
          <Spinner label="Reading the audit logs…" />
        ) : entries.length === 0 && phase === "ready" ? (
          <p className="muted audit-empty">{next ? "No events match in the part of the log read so far." : "No events match."}</p>
        ) : (
          <EventTable events={entries} caption="Audit events, newest first" keyName={(id) => names.get(id)} showSource />
        )}
        <div className="audit-list-footer">
          <span className="muted" aria-live="polite">
            {phase === "ready" ? `${countOf(entries.length, "event")} shown${next ? "" : ", to the start of the log"}` : ""}
          </span>
          {next ? (
            <Button onClick={() => void loadOlder()} busy={loadingOlder}>
              Load older
            </Button>
          ) : null}
        </div>
      </Section>
    </div>
  );
}
