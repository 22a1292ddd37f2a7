/** The workspaces list in Settings: add one, switch, or remove a remote one (the local one stays); the connected one's audit signing key. */
import { useState } from "react";
import type { WorkspaceSummary } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { PlusIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { SigningKeyFingerprint } from "./SigningKeyFingerprint";
import { STATE_LABELS } from "./workspace-labels";
import { useWorkspaceStore } from "./workspace-store";

export function ManageWorkspaces() {
  const workspaces = useWorkspaceStore((state) => state.workspaces);
  const current = useWorkspaceStore((state) => state.current);
  const switchTo = useWorkspaceStore((state) => state.switchTo);
  const remove = useWorkspaceStore((state) => state.remove);
  const setProduction = useWorkspaceStore((state) => state.setProduction);
  const openAdd = useWorkspaceStore((state) => state.setAdding);
  const [removing, setRemoving] = useState<WorkspaceSummary | null>(null);
  const action = useAsyncAction();

  return (
    <Section
      level={2}
      className="card"
      title="Workspaces"
      aside={
        <Button size="sm" onClick={() => openAdd(true)}>
          <PlusIcon />
          Add workspace
        </Button>
      }
    >
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      <ul className="stack-list boxed-list">
        {workspaces.map((workspace) => {
          const isCurrent = workspace.id === current?.workspace?.id;
          return (
            <li key={workspace.id} className="list-row">
              <div className="list-row-text">
                <span className="list-row-name truncate">{workspace.name}</span>
                <span className="muted truncate">{workspace.kind === "local" ? "On this computer" : workspace.url}</span>
              </div>
              {isCurrent && current ? <span className={`state-label state-${current.state}`}>{STATE_LABELS[current.state]}</span> : null}
              {workspace.kind === "remote" && workspace.id !== "attached" ? (
                <label className="inline-check">
                  <input type="checkbox" checked={workspace.production} disabled={action.busy} onChange={(event) => void action.run(() => setProduction(workspace.id, event.target.checked))} />
                  Production
                </label>
              ) : null}
              <div className="workspace-list-actions">
                {!isCurrent ? (
                  <Button size="sm" aria-label={`Open ${workspace.name}`} onClick={() => void action.run(() => switchTo(workspace.id))}>
                    Open
                  </Button>
                ) : null}
                {workspace.kind === "remote" ? (
                  <Button size="sm" variant="ghost" aria-label={`Remove ${workspace.name}`} onClick={() => setRemoving(workspace)}>
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <SigningKeyFingerprint />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => (next ? undefined : setRemoving(null))}
        title={`Remove ${removing?.name ?? "this workspace"}?`}
        description="Keyward forgets this workspace and deletes its admin token from the vault. The workspace and its keys are not changed."
        confirmLabel="Remove workspace"
        destructive
        onConfirm={async () => {
          if (removing) await remove(removing.id);
        }}
      />
    </Section>
  );
}
