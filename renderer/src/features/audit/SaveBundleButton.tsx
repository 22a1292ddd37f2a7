/**
 * Saves the connected workspace's signed audit bundle to a file, for an officer who verifies it
 * elsewhere (offline); the saved file is verified here too, and the result said beside the button.
 */
import { useState } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { DoneFooter } from "../../ui/DoneFooter";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useBundleStore } from "./bundle-store";
import { TaskProgress } from "./TaskProgress";

export function SaveBundleButton({ workspaceName }: { workspaceName: string }) {
  const save = useBundleStore((state) => state.saveWorkspaceBundle);
  const saving = useBundleStore((state) => state.saving);
  const progress = useBundleStore((state) => state.saveProgress);
  const action = useAsyncAction();
  const [result, setResult] = useState<{ path: string; valid: boolean | null; summary: string | null } | null>(null);
  const [open, setOpen] = useState(false);
  const run = () => {
    setResult(null);
    setOpen(true);
    void action.run(async () => {
      const saved = await save();
      if (!saved) {
        setOpen(false);
        return;
      }
      setResult({ path: saved.path, valid: saved.verification?.valid ?? null, summary: saved.verification?.summary ?? null });
    });
  };
  return (
    <>
      <Button busy={saving} onClick={run}>
        Save audit bundle…
      </Button>
      <Modal open={open} onRequestClose={() => (saving ? undefined : setOpen(false))} title={`Audit bundle of ${workspaceName}`}>
        {saving ? <TaskProgress progress={progress} starting="Asking the workspace for its signed audit bundle…" label="Saving the audit bundle" /> : null}
        {action.error ? <Alert>{action.error.message}</Alert> : null}
        {result ? (
          <Alert tone={result.valid ? "success" : "error"}>
            Saved to <span className="audit-path">{result.path}</span>. {result.valid ? "It verifies: hand it to the officer with the fingerprint from the workspace's settings." : (result.summary ?? "")}
          </Alert>
        ) : null}
        <DoneFooter onDone={() => setOpen(false)} disabled={saving} />
      </Modal>
    </>
  );
}
