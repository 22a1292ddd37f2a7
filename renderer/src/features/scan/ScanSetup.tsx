/**
 * What to scan: a folder chosen with the system's folder dialog (or a recent one), whether it is a
 * git repository, and then the options that make sense for it: its history, and files .gitignore
 * excludes. The scan runs in the main process; this only starts it.
 */
import { useId } from "react";
import type { ScanFolder } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { useScanStore } from "./scan-store";

export function ScanSetup({ busy }: { busy: boolean }) {
  const folder = useScanStore((state) => state.folder);
  const history = useScanStore((state) => state.history);
  const noIgnore = useScanStore((state) => state.noIgnore);
  const recent = useScanStore((state) => state.recent);
  const scannedFolder = useScanStore((state) => state.report?.folder.path ?? null);
  const setOptions = useScanStore((state) => state.setOptions);
  const chooseFolder = useScanStore((state) => state.chooseFolder);
  const start = useScanStore((state) => state.start);
  const choosing = useAsyncAction();
  const starting = useAsyncAction();
  const id = useId();
  const others = recent.filter((item) => item.path !== folder?.path);

  return (
    <Section
      level={2}
      className="card scan-setup"
      title="Folder"
      aside={
        <Button onClick={() => void choosing.run(chooseFolder)} busy={choosing.busy} disabled={busy}>
          {folder ? "Choose another folder…" : "Choose folder…"}
        </Button>
      }
    >
      {folder ? <ChosenFolder folder={folder} /> : <p className="muted">Choose a folder: a project, a repository, a configuration folder. Keyward reads its files on this computer and looks up only fingerprints of what it finds.</p>}
      {others.length > 0 ? (
        <div className="scan-recent">
          <span className="muted">Recent:</span>
          {others.map((item) => (
            <button key={item.path} type="button" className="link-button truncate" title={item.path} disabled={busy} onClick={() => useScanStore.getState().pickRecent(item)}>
              {item.name}
            </button>
          ))}
        </div>
      ) : null}
      {folder?.repository ? (
        <fieldset className="scan-options" disabled={busy}>
          <legend className="visually-hidden">Scan options</legend>
          <div className="checkbox-row">
            <input type="checkbox" id={`${id}-history`} checked={history} aria-describedby={`${id}-history-hint`} onChange={(event) => setOptions({ history: event.target.checked })} />
            <div>
              <label htmlFor={`${id}-history`}>Include history</label>
              <p className="field-hint" id={`${id}-history-hint`}>
                Every version of every file in every branch and tag of the repository
                {folder.repository !== folder.path ? ` (at ${folder.repository})` : ""}. A key deleted long ago is still in the history; finds name the commits and their authors.
              </p>
            </div>
          </div>
          <div className="checkbox-row">
            <input type="checkbox" id={`${id}-ignore`} checked={noIgnore} aria-describedby={`${id}-ignore-hint`} onChange={(event) => setOptions({ noIgnore: event.target.checked })} />
            <div>
              <label htmlFor={`${id}-ignore`}>Also read files .gitignore excludes</label>
              <p className="field-hint" id={`${id}-ignore-hint`}>
                Local files such as .env are usually ignored by git: they never reach the repository, but anyone with this folder can read them.
              </p>
            </div>
          </div>
        </fieldset>
      ) : null}
      {choosing.error ? <Alert>{choosing.error.message}</Alert> : null}
      {starting.error ? <Alert>{starting.error.message}</Alert> : null}
      {folder ? (
        <div className="card-actions">
          <Button variant="primary" onClick={() => void starting.run(start)} busy={starting.busy} disabled={busy}>
            {scannedFolder === folder.path ? "Scan again" : "Scan"}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}

function ChosenFolder({ folder }: { folder: ScanFolder }) {
  return (
    <div className="scan-folder">
      <div className="scan-folder-text">
        <strong className="truncate">{folder.name}</strong>
        <code className="muted truncate" title={folder.path}>
          {folder.path}
        </code>
      </div>
      <span className={`badge ${folder.repository ? "scan-repo-badge" : "scan-plain-badge"}`}>{folder.repository ? "Git repository" : "Not a git repository"}</span>
    </div>
  );
}
