/**
 * What a removed member could read: every entry they could open while a member (deleted and
 * changed ones included) and the workspace key it held, with that key's status now, and "Rotate
 * all" running the rotation wizard key by key, with the progress.
 */
import type { ExposureReport, ExposureRow } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ACTIONS_COLUMN, DataTable } from "../../ui/DataTable";
import { countOf, formatAbsolute } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { useRotationStore } from "../rotation";
import { LinkBadge } from "./LinkBadge";
import { useTeamStore } from "./team-store";
import { useRotateAll } from "./useRotateAll";

const COLUMNS = ["Entry and key", "In the vault", "On the workspace", "Last used", ACTIONS_COLUMN];

const ENTRY_WORDS: Record<ExposureRow["entry"], string> = {
  present: "Still in the vault",
  changed: "Holds another key now",
  deleted: "Deleted since",
};

export function ExposurePanel({ report }: { report: ExposureReport }) {
  const hideExposure = useTeamStore((store) => store.hideExposure);
  const rotateAll = useRotateAll(report.rows);
  const { member, rows } = report;
  const keys = new Set(rows.map((row) => row.keyId).filter(Boolean)).size;
  const working = rotateAll.toRotate.length;
  const progress = rotateAll.progress;
  const currentName = progress?.current ? (rows.find((row) => row.keyId === progress.current)?.keyName ?? rows.find((row) => row.keyId === progress.current)?.label) : null;

  return (
    <section className="team-panel exposure-panel" aria-labelledby="exposure-title">
      <div className="panel-heading">
        <div>
          <h2 className="card-title" id="exposure-title">
            What {member.name} could read
          </h2>
          <p className="muted">
            Removed by {member.removedBy} on {formatAbsolute(member.removedAt)}. The vault has a new key: {member.name} cannot open anything saved since. What they
            could read before, they may have kept.
          </p>
        </div>
        <Button onClick={hideExposure}>Back to members</Button>
      </div>

      {report.workspaceError ? <Alert tone="warning">The keys' status is unknown: {report.workspaceError}</Alert> : null}
      <div className={`exposure-summary ${working > 0 ? "exposure-summary-danger" : "exposure-summary-done"}`}>
        <p>
          <strong>
            {countOf(rows.length, "entry", "entries")}, {countOf(keys, "workspace key")}.
          </strong>{" "}
          {working > 0 ? `${countOf(working, "key")} still ${working === 1 ? "works" : "work"}: rotate ${working === 1 ? "it" : "them"} so that what ${member.name} kept stops working.` : keys > 0 ? "No key they could read still works." : "None of it was a workspace key: change those secrets where they are used."}
        </p>
        <div className="card-actions">
          {rotateAll.running ? (
            <Button onClick={rotateAll.stop}>Stop after this key</Button>
          ) : working > 0 ? (
            <Button variant="danger" onClick={() => rotateAll.start(rotateAll.toRotate)}>
              Rotate all {countOf(working, "key")}
            </Button>
          ) : null}
        </div>
        {progress ? (
          <p className="rotate-progress" role="status">
            {progress.done} of {progress.total} rotated{progress.current && currentName ? `. Now: ${currentName}` : progress.done === progress.total ? ". Done." : "."}
          </p>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <p className="muted">The vault held no entries while {member.name} was a member.</p>
      ) : (
        <div className="table-scroll">
          <DataTable className="simple-table team-table team-exposure" caption={`Keys ${member.name} could read`} columns={COLUMNS}>
            {ordered(rows, rotateAll.inProgress).map((row) => (
              <ExposureLine key={`${row.entryId}-${row.keyId ?? "none"}`} row={row} inProgress={row.keyId ? rotateAll.inProgress(row.keyId) : false} busy={rotateAll.running} />
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}

/** Keys that still work first (what to rotate), then other workspace keys, then secrets that are not keys; by label within each. */
function ordered(rows: readonly ExposureRow[], inProgress: (keyId: string) => boolean): ExposureRow[] {
  const rank = (row: ExposureRow) => (!row.keyId ? 2 : row.status === "active" || inProgress(row.keyId) ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
}

function ExposureLine({ row, inProgress, busy }: { row: ExposureRow; inProgress: boolean; busy: boolean }) {
  const openWizard = useRotationStore((state) => state.openWizard);
  const name = row.keyName ?? row.label;
  return (
    <tr data-key-id={row.keyId ?? undefined}>
      <td>
        <div className="cell-stack">
          <span className="entry-label truncate" title={row.label}>
            {row.label}
          </span>
          {row.keyId ? <code className="key-display">{row.display ?? row.keyId}</code> : <span className="muted">Not a workspace key: change it where it is used</span>}
        </div>
      </td>
      <td>{ENTRY_WORDS[row.entry]}</td>
      <td>
        {row.status ? (
          <div className="cell-stack">
            <LinkBadge status={row.status} />
            {inProgress ? <span className="badge badge-rotating">Rotation in progress</span> : null}
          </div>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>{row.lastUsedAt ? <RelativeTime iso={row.lastUsedAt} /> : <span className="muted">{row.status && row.status !== "unknown" && row.status !== "missing" ? "Never" : "—"}</span>}</td>
      <td>
        <div className="entry-actions">
          {row.keyId && (row.status === "active" || inProgress) ? (
            <Button size="sm" disabled={busy} aria-label={`${inProgress ? "Resume rotation of" : "Rotate"} ${name}`} onClick={() => openWizard(row.keyId!, "rotate")}>
              {inProgress ? "Resume" : "Rotate…"}
            </Button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
