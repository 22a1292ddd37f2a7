/**
 * The running scan: what it is doing, files and bytes read and keys found so far, and Cancel. The
 * total is not known before the end (folders are read as they are listed), so the bar moves
 * without a percentage and the counts say how far it got.
 */
import type { ScanRun } from "../../../../shared/ipc/contract";
import { Button } from "../../ui/Button";
import { formatBytes, formatCount } from "../../ui/format";
import { ProgressBar } from "../../ui/ProgressBar";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Alert } from "../../ui/Alert";
import { Section } from "../../ui/Section";
import { phaseLabel } from "./scan-text";
import { useScanStore } from "./scan-store";

export function ScanProgressPanel({ run, workspaceName }: { run: ScanRun; workspaceName: string | null }) {
  const cancel = useScanStore((state) => state.cancel);
  const cancelling = useAsyncAction();
  const { progress } = run;
  const label = phaseLabel(progress.phase, workspaceName);
  const counts = `${formatCount(progress.files)} files, ${formatBytes(progress.bytes)}, ${formatCount(progress.finds)} finds`;

  return (
    <Section
      level={2}
      className="card scan-progress"
      title={
        <>
          Scanning {run.folder.name}
          {run.history ? " and its history" : ""}
        </>
      }
      subtitle={
        <p className="muted" aria-live="polite">
          {label}
        </p>
      }
      aside={
        <Button onClick={() => void cancelling.run(cancel)} busy={cancelling.busy}>
          Cancel scan
        </Button>
      }
    >
      <ProgressBar label="Scan progress" valueText={`${label} ${counts} so far`} />
      <dl className="scan-counts">
        <div>
          <dt>Files read</dt>
          <dd>{formatCount(progress.files)}</dd>
        </div>
        <div>
          <dt>Data read</dt>
          <dd>{formatBytes(progress.bytes)}</dd>
        </div>
        <div>
          <dt>Finds so far</dt>
          <dd className={progress.finds > 0 ? "scan-count-finds" : undefined}>{formatCount(progress.finds)}</dd>
        </div>
      </dl>
      {cancelling.error ? <Alert>{cancelling.error.message}</Alert> : null}
    </Section>
  );
}
