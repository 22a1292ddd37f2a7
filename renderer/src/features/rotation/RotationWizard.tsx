/**
 * The rotate (and rescope) wizard: the guide's four steps in one dialog. A rotation lives in the
 * main process from step 1 on, so closing the dialog never cancels it: the row's "Resume rotation"
 * (or a reminder) reopens the wizard at its step. Only step 1 ever holds the new secret.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import type { Rotation, RotationStep } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { formatAbsolute } from "../../ui/format";
import { Modal } from "../../ui/Modal";
import { Spinner } from "../../ui/Spinner";
import { useCreateDialogStore } from "../keys/create/create-dialog-store";
import { useKeysStore } from "../keys/keys-store";
import { useVaultStore } from "../vault/vault-store";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { CancelRotationDialog } from "./CancelRotationDialog";
import { GenerateStep } from "./GenerateStep";
import { RevokeStep } from "./RevokeStep";
import { STEP_NUMBER, STEP_TITLES, useRotationStore, type WizardRequest } from "./rotation-store";
import { RotationStepper } from "./RotationStepper";
import { UpdateStep } from "./UpdateStep";
import { VerifyStep } from "./VerifyStep";

type View = "generate" | RotationStep | "done";

export function RotationWizard() {
  const request = useRotationStore((state) => state.wizard);
  // A reminder clicked while a new key is being shown waits for that dialog to close.
  const createOpen = useCreateDialogStore((state) => state.open);
  return request && !createOpen ? <RotationFlow key={request.session} request={request} /> : null;
}

function RotationFlow({ request }: { request: WizardRequest }) {
  const closeWizard = useRotationStore((state) => state.closeWizard);
  const upsertRotation = useRotationStore((state) => state.upsert);
  // Opened for the new key of a rotation in progress (a reminder can name it): that rotation is resumed.
  const rotation = useRotationStore((state) => state.byOldKeyId.get(request.keyId) ?? state.byNewKeyId.get(request.keyId) ?? null);
  const oldKeyId = rotation?.oldKeyId ?? request.keyId;
  const oldKey = useKeysStore((state) => state.keys.find((key) => key.id === oldKeyId));
  const keysPhase = useKeysStore((state) => state.phase);
  const refreshKeys = useKeysStore((state) => state.refresh);
  const upsertKey = useKeysStore((state) => state.upsert);
  const vaultUnlocked = useVaultStore((state) => state.status?.unlocked ?? false);

  const [view, setView] = useState<View>(rotation ? rotation.step : "generate");
  /** Whether step 1 of this wizard started (or is starting) the rotation, rather than resuming one. */
  const [startedHere, setStartedHere] = useState(false);
  const [keepInVault, setKeepInVault] = useState(false);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [finished, setFinished] = useState<ApiKey | null>(null);

  // A rotation that appears after the wizard opened (the list arrived late, or it was started
  // elsewhere) is resumed at its step rather than started twice.
  if (view === "generate" && !startedHere && rotation) setView(rotation.step);

  const mode = request.mode === "rescope" || (rotation !== null && rotation.scope !== rotation.previousScope) ? "rescope" : "rotate";
  const name = oldKey?.name ?? rotation?.keyName ?? "key";

  const moveTo = async (step: RotationStep, keep?: boolean) => {
    if (!rotation) return;
    const next = await call(keyward().rotation.setStep({ oldKeyId: rotation.oldKeyId, step, ...(keep !== undefined ? { keepInVault: keep } : {}) }));
    upsertRotation(next);
    if (keep) void useVaultStore.getState().loadStatus();
    setView(step);
  };
  const keepOnLeaving = () => keepInVault && vaultUnlocked && rotation?.vaultEntryId === null;

  const requestClose = async () => {
    // Leaving step 1 by closing still honours "Keep in vault": the secret is not shown again.
    if (view === "generate" && startedHere && rotation && keepOnLeaving()) {
      setClosing(true);
      setCloseError(null);
      try {
        await moveTo(rotation.step, true);
      } catch (failure) {
        setCloseError(errorMessage(failure));
        setClosing(false);
        return;
      }
    }
    closeWizard();
  };

  // Rotations belong to a workspace: switching away closes the wizard (the rotation stays in progress there).
  const workspaceId = useWorkspaceStore((state) => state.current?.workspace?.id ?? null);
  const openedIn = useRef(workspaceId);
  useEffect(() => {
    // Opened before the workspace was known (a reminder at start): this is its workspace.
    if (openedIn.current === null) openedIn.current = workspaceId;
    else if (workspaceId !== null && workspaceId !== openedIn.current) closeWizard();
  }, [workspaceId, closeWizard]);

  // Each new step gets the focus on its heading, so a screen reader hears where it is.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstView = useRef(view);
  useEffect(() => {
    if (view !== firstView.current) stepHeading.current?.focus();
  }, [view]);

  const onStarted = (started: Rotation) => {
    setKeepInVault(vaultUnlocked);
    upsertRotation(started);
    void refreshKeys();
    if (started.vaultEntryId) void useVaultStore.getState().loadStatus();
  };

  const onFinished = (retired: ApiKey) => {
    upsertKey(retired);
    setFinished(retired);
    setView("done");
    void refreshKeys();
    void useRotationStore.getState().load();
  };

  const stepNumber = view === "done" ? 5 : STEP_NUMBER[view];
  const title = `${mode === "rescope" ? "Rescope" : "Rotate"} ${name}`;

  let body;
  if (view === "done" && finished) {
    body = <RotationDone retired={finished} onDone={closeWizard} />;
  } else if (!rotation && view !== "generate") {
    body = (
      <Ended>
        <Button variant="primary" onClick={closeWizard}>
          Close
        </Button>
      </Ended>
    );
  } else if (view === "generate") {
    if (!oldKey) {
      body =
        keysPhase === "loading" || keysPhase === "idle" ? (
          <Spinner label="Loading the key…" />
        ) : (
          <Unavailable message="This key is not in the current workspace's list. Refresh the keys, or switch to its workspace." onClose={closeWizard} />
        );
    } else if (!startedHere && (oldKey.status !== "active" || oldKey.replacedById !== null)) {
      body = <Unavailable message={oldKey.status !== "active" ? `This key is ${oldKey.status}: there is nothing left to rotate.` : "A newer key already replaces this one."} onClose={closeWizard} />;
    } else {
      body = (
        <GenerateStep
          oldKey={oldKey}
          mode={mode}
          rotation={startedHere ? rotation : null}
          keepInVault={keepInVault && vaultUnlocked}
          onKeepInVaultChange={setKeepInVault}
          // Set before the call: `rotation.changed` may bring the new rotation before `start` answers,
          // and this step must stay to show the secret rather than jump to step 2 as a resume would.
          onStarting={() => setStartedHere(true)}
          onStartFailed={() => setStartedHere(false)}
          onStarted={onStarted}
          onNext={() => moveTo("update", keepOnLeaving())}
          onCancel={closeWizard}
          closeError={closeError}
        />
      );
    }
  } else if (rotation && view === "update") {
    body = <UpdateStep rotation={rotation} onNext={() => moveTo("verify")} onCancelRotation={() => setConfirmingCancel(true)} />;
  } else if (rotation && view === "verify") {
    body = <VerifyStep rotation={rotation} onBack={() => moveTo("update")} onNext={() => moveTo("revoke")} onCancelRotation={() => setConfirmingCancel(true)} />;
  } else if (rotation && view === "revoke") {
    body = <RevokeStep rotation={rotation} oldKey={oldKey} onBack={() => moveTo("verify")} onFinished={onFinished} onCancelRotation={() => setConfirmingCancel(true)} />;
  }

  return (
    <Modal open onRequestClose={() => (closing ? undefined : void requestClose())} title={title} width="lg" className="modal-wizard" returnFocusTo={() => rowControl(oldKeyId)}>
      <RotationStepper current={stepNumber} />
      {view !== "done" ? (
        <h3 className="wizard-step-title" ref={stepHeading} tabIndex={-1}>
          Step {stepNumber} of 4: {STEP_TITLES[stepNumber - 1]}
        </h3>
      ) : (
        <h3 className="visually-hidden" ref={stepHeading} tabIndex={-1}>
          Rotation complete
        </h3>
      )}
      {body}
      {rotation ? <CancelRotationDialog rotation={rotation} open={confirmingCancel} onOpenChange={setConfirmingCancel} onCancelled={closeWizard} /> : null}
    </Modal>
  );
}

/** Back to the key's row when the wizard closes: its "Resume rotation" button, else its menu button. */
function rowControl(keyId: string): HTMLElement | null {
  const row = document.querySelector(`[data-key-id="${CSS.escape(keyId)}"]`);
  return row?.querySelector<HTMLElement>(".rotating-cell .link-button") ?? row?.querySelector<HTMLElement>(".row-menu-trigger") ?? null;
}

function RotationDone({ retired, onDone }: { retired: ApiKey; onDone: () => void }) {
  const scheduled = retired.status === "active" && retired.expiresAt !== null;
  return (
    <div className="wizard-step">
      <Alert tone="success">
        <strong>Rotation complete.</strong>{" "}
        {scheduled && retired.expiresAt ? (
          <>
            <code className="key-display">{retired.display}</code> will stop working at <time dateTime={retired.expiresAt}>{formatAbsolute(retired.expiresAt)}</time>.
          </>
        ) : (
          <>
            <code className="key-display">{retired.display}</code> is revoked.
          </>
        )}
      </Alert>
      <p className="muted">The new key is the one in service now. The keys table shows it with its own rotation due date.</p>
      <footer className="modal-footer">
        <Button variant="primary" onClick={onDone} autoFocus>
          Done
        </Button>
      </footer>
    </div>
  );
}

function Ended({ children }: { children: ReactNode }) {
  return (
    <div className="wizard-step">
      <Alert tone="info">This rotation is no longer in progress: it was finished or cancelled elsewhere.</Alert>
      <footer className="modal-footer">{children}</footer>
    </div>
  );
}

function Unavailable({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div className="wizard-step">
      <Alert tone="info">{message}</Alert>
      <footer className="modal-footer">
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </footer>
    </div>
  );
}
