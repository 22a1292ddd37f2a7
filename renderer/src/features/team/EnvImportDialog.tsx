/**
 * Import from .env files: choose one or more files, see what was found (which values are keys of
 * this workspace, which are already kept, what was not looked up) and only then write the chosen
 * keys to the personal or the team vault. The values never come to the renderer: the preview holds
 * display forms.
 */
import { useState } from "react";
import type { EnvImportView, ImportTarget } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { StatusBadge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ChoiceCards } from "../../ui/ChoiceCards";
import { DataTable } from "../../ui/DataTable";
import { DoneFooter } from "../../ui/DoneFooter";
import { countOf } from "../../ui/format";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { targetChoices } from "./targets";
import { useTeamStore } from "./team-store";

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function EnvImportDialog({ teamOpen, onClose }: { teamOpen: boolean; onClose: () => void }) {
  const envChooseFile = useTeamStore((store) => store.envChooseFile);
  const envSetTarget = useTeamStore((store) => store.envSetTarget);
  const envWrite = useTeamStore((store) => store.envWrite);
  const envDiscard = useTeamStore((store) => store.envDiscard);
  const [target, setTarget] = useState<ImportTarget>(teamOpen ? "team" : "personal");
  const [view, setView] = useState<EnvImportView | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [written, setWritten] = useState<{ added: number; target: ImportTarget } | null>(null);
  const action = useAsyncAction();

  const show = (next: EnvImportView) => {
    setView(next);
    setSelected(new Set(next.found.filter((found) => !found.alreadyThere).map((found) => found.ref)));
  };
  const close = () => {
    void envDiscard();
    onClose();
  };
  const targetName = target === "team" ? "the team vault" : "your personal vault";
  const fresh = view?.found.filter((found) => !found.alreadyThere) ?? [];

  return (
    <Modal open onRequestClose={close} title="Import keys from .env files" width="lg" description="Nothing is written until you confirm what was found.">
      <div className="modal-form">
        {written ? (
          <>
            <Alert tone="success">
              {countOf(written.added, "key")} added to {written.target === "team" ? "the team vault" : "your personal vault"}.
            </Alert>
            <DoneFooter onDone={close} />
          </>
        ) : (
          <>
            <ChoiceCards
              legend="Write to"
              choices={targetChoices(teamOpen, "into")}
              value={target}
              onChange={(next) => {
                setTarget(next);
                if (view) void action.run(async () => show(await envSetTarget(next)));
              }}
            />
            <div className="card-actions">
              <Button busy={action.busy} onClick={() => void action.run(async () => show(await envChooseFile(target)))}>
                {view && view.files.length > 0 ? "Add another file…" : "Choose a .env file…"}
              </Button>
              {view && view.files.length > 0 ? <span className="muted">{view.files.map(baseName).join(", ")}</span> : null}
            </div>
            {action.error ? <Alert>{action.error.message}</Alert> : null}
            {view && view.files.length > 0 ? <Preview view={view} selected={selected} onToggle={(ref) => setSelected(toggled(selected, ref))} targetName={targetName} /> : null}
            <footer className="modal-footer">
              <Button onClick={close}>Cancel</Button>
              <Button
                variant="primary"
                disabled={selected.size === 0}
                busy={action.busy}
                onClick={() => void action.run(async () => setWritten(await envWrite([...selected])))}
              >
                {fresh.length === 0 ? "Add keys" : `Add ${countOf(selected.size, "key")} to ${targetName}`}
              </Button>
            </footer>
          </>
        )}
      </div>
    </Modal>
  );
}

function toggled(set: Set<string>, ref: string): Set<string> {
  const next = new Set(set);
  if (next.has(ref)) next.delete(ref);
  else next.add(ref);
  return next;
}

function Preview({ view, selected, onToggle, targetName }: { view: EnvImportView; selected: Set<string>; onToggle: (ref: string) => void; targetName: string }) {
  return (
    <div className="env-preview" aria-label="What was found">
      <h3 className="section-title">
        {view.found.length === 0 ? "No key of this workspace was found" : `${countOf(view.found.length, "key")} of this workspace found`}
      </h3>
      {view.found.length > 0 ? (
        <DataTable className="simple-table team-table env-found" caption="Keys of this workspace" columns={[{ header: "Import", hidden: true }, "Variable", "Key", "Status"]}>
          {view.found.map((found) => (
            <tr key={found.ref}>
              <td>
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={selected.has(found.ref)}
                  disabled={found.alreadyThere}
                  onChange={() => onToggle(found.ref)}
                  aria-label={`Import ${found.variable} (${found.keyName})`}
                />
              </td>
              <td>
                <div className="cell-stack">
                  <code>{found.variable}</code>
                  <span className="muted">
                    {baseName(found.file)}, line {found.line}
                  </span>
                </div>
              </td>
              <td>
                <div className="cell-stack">
                  <span>{found.keyName}</span>
                  <code className="key-display">{found.display}</code>
                </div>
              </td>
              <td>
                <div className="cell-stack">
                  <StatusBadge status={found.status} />
                  {found.alreadyThere ? <span className="muted">Already in {targetName}</span> : null}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {view.notInWorkspace.length > 0 ? (
        <p className="muted">
          {countOf(view.notInWorkspace.length, "value looks", "values look")} like keys but {view.notInWorkspace.length === 1 ? "is not a key" : "are not keys"} of this workspace, and
          will not be imported: {view.notInWorkspace.map((item) => `${item.variable} (${item.display})`).join(", ")}.
        </p>
      ) : null}
      {view.otherValues > 0 ? <p className="muted">{countOf(view.otherValues, "other value was", "other values were")} not in the key format: never looked up, never sent.</p> : null}
    </div>
  );
}
