/**
 * The top of the audit log view: whether each chain holds, in a plain statement. The workspace's
 * chain is checked by downloading its signed bundle and verifying it here (signature, every event,
 * the head, the signing key the workspace names), with progress for a big one; this app's own log
 * line by line. Valid, or what broke where.
 */
import type { ReactNode } from "react";
import type { AppLogCheck, WorkspaceChainCheck } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { countOf } from "../../ui/format";
import { Spinner } from "../../ui/Spinner";
import { Section } from "../../ui/Section";
import { formatEventTime } from "./audit-text";
import { useAuditLogStore } from "./audit-log-store";
import { TaskProgress } from "./TaskProgress";
import { VerificationProblems } from "./VerificationProblems";

export function ChainStatus({ workspaceName }: { workspaceName: string | null }) {
  const workspaceCheck = useAuditLogStore((state) => state.workspaceCheck);
  const appCheck = useAuditLogStore((state) => state.appCheck);
  const progress = useAuditLogStore((state) => state.progress);
  const checkWorkspace = useAuditLogStore((state) => state.checkWorkspace);
  const checkApp = useAuditLogStore((state) => state.checkApp);

  return (
    <Section level={2} className="card audit-chains" title="Chain verification">
      <div className="audit-chain" role="group" aria-label={workspaceName ? `${workspaceName}'s chain` : "The workspace's chain"}>
        <div className="audit-chain-heading">
          <h3 className="audit-chain-title">{workspaceName ? `${workspaceName}'s audit chain` : "The workspace's audit chain"}</h3>
          {workspaceName && workspaceCheck.state !== "checking" ? (
            <Button size="sm" onClick={() => void checkWorkspace()}>
              Verify again
            </Button>
          ) : null}
        </div>
        {!workspaceName ? (
          <p className="muted">No workspace is connected: its chain is verified when one is. An audit bundle can still be opened and verified offline.</p>
        ) : workspaceCheck.state === "checking" ? (
          <TaskProgress progress={progress} starting="Asking the workspace for its signed audit bundle…" label="Verifying the workspace's chain" />
        ) : workspaceCheck.state === "failed" ? (
          <Alert>{workspaceCheck.message}</Alert>
        ) : workspaceCheck.state === "done" ? (
          <WorkspaceResult check={workspaceCheck.result} />
        ) : (
          <p className="muted">Not verified yet.</p>
        )}
      </div>
      <div className="audit-chain" role="group" aria-label="This app's log">
        <div className="audit-chain-heading">
          <h3 className="audit-chain-title">This app's own audit log</h3>
          {appCheck.state !== "checking" ? (
            <Button size="sm" onClick={() => void checkApp()}>
              Verify again
            </Button>
          ) : null}
        </div>
        {appCheck.state === "checking" || appCheck.state === "idle" ? (
          <Spinner label="Checking this app's log…" />
        ) : appCheck.state === "failed" ? (
          <Alert>{appCheck.message}</Alert>
        ) : (
          <AppResult check={appCheck.result} />
        )}
      </div>
    </Section>
  );
}

function Verdict({ valid, children }: { valid: boolean; children: ReactNode }) {
  return (
    <div className={`audit-verdict ${valid ? "audit-verdict-valid" : "audit-verdict-invalid"}`} role="status">
      <span className={`badge ${valid ? "audit-badge-valid" : "audit-badge-invalid"}`}>{valid ? "Valid" : "Broken"}</span>
      <div className="audit-verdict-body">{children}</div>
    </div>
  );
}

function WorkspaceResult({ check }: { check: WorkspaceChainCheck }) {
  const { verification } = check;
  return (
    <Verdict valid={verification.valid}>
      <p>
        {verification.valid
          ? `${countOf(verification.events, "event")}, each linked to the one before it up to the signed head; the signature matches the workspace's signing key.`
          : "The workspace's audit bundle did not verify."}{" "}
        <span className="muted">Checked {formatEventTime(check.checkedAt)}.</span>
      </p>
      {verification.valid ? <p className="muted audit-summary">{verification.summary}</p> : <VerificationProblems problems={verification.problems} />}
    </Verdict>
  );
}

function AppResult({ check }: { check: AppLogCheck }) {
  return (
    <Verdict valid={check.valid}>
      <p>
        {check.valid ? `${countOf(check.events, "event")}, each linked to the one before it.` : check.summary}{" "}
        <span className="muted">Checked {formatEventTime(check.checkedAt)}.</span>
      </p>
      {!check.valid && check.problem ? <p className="muted">{check.problem.seq !== null ? `At event ${check.problem.seq}.` : check.problem.line !== null ? `At line ${check.problem.line}.` : null}</p> : null}
    </Verdict>
  );
}
