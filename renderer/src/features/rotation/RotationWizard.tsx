/**
 * The rotate (and rescope) wizard: the guide's four steps in one dialog. A rotation lives in the
 * main process from step 1 on, so closing the dialog never cancels it: the row's "Resume rotation"
 * (or a reminder) reopens the wizard at its step. Which step shows is derived from the rotation's
 * own step (the state machine in shared/domain/rotation-steps), except while step 1 shows the new
 * key it just made, and once the rotation is done.
 */
import { useEffect, useRef, useState } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { ROTATION_STEPS, STEP_NUMBER, STEP_TITLES, canMoveRotation, type RotationStep } from "../../../../shared/domain/rotation-steps";
import type { CreatedKeyView, Rotation } from "../../../../shared/ipc/contract";
import { Modal } from "../../ui/Modal";
import { Spinner } from "../../ui/Spinner";
import { useKey, useKeysStore } from "../inventory";
import { useVaultStore } from "../vault";
import { WorkspaceName, useWorkspaceStore } from "../workspaces";
import { CancelRotationDialog } from "./CancelRotationDialog";
import { GenerateStep } from "./GenerateStep";
import { RevokeStep } from "./RevokeStep";
import { RotationDone, RotationNotice } from "./RotationOutcomes";
import { useRotationStore, type WizardRequest } from "./rotation-store";
import { RotationStepper } from "./RotationStepper";
import { UpdateStep } from "./UpdateStep";
import { VerifyStep } from "./VerifyStep";

export function RotationWizard({ blocked = false }: { blocked?: boolean }) {
  const request = useRotationStore((state) => state.wizard);
  // A reminder clicked while a new key is being shown waits for that dialog to close.
  return request && !blocked ? <RotationFlow key={request.session} request={request} /> : null;
}

type Started = { rotation: Rotation; created: CreatedKeyView };

function RotationFlow({ request }: { request: WizardRequest }) {
  const closeWizard = useRotationStore((state) => state.closeWizard);
  const move = useRotationStore((state) => state.move);
  const keepNewKey = useRotationStore((state) => state.keepNewKey);
  // Opened for the new key of a rotation in progress (a reminder can name it): that rotation is resumed.
  const rotation = useRotationStore((state) => state.byOldKeyId.get(request.keyId) ?? state.byNewKeyId.get(request.keyId) ?? null);
  const oldKeyId = rotation?.oldKeyId ?? request.keyId;
  const oldKey = useKey(oldKeyId);
  const keysPhase = useKeysStore((state) => state.phase);
  const vaultUnlocked = useVaultStore((state) => state.status?.unlocked ?? false);

  /** Set while step 1 shows the key this wizard just made. */
  const [started, setStarted] = useState<Started | null>(null);
  const [finished, setFinished] = useState<ApiKey | null>(null);
  const [keepInVault, setKeepInVault] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  const view: "generate" | RotationStep | "done" = finished ? "done" : started || !rotation ? "generate" : rotation.step;
  const mode = request.mode === "rescope" || (rotation !== null && rotation.scope !== rotation.previousScope) ? "rescope" : "rotate";
  const name = oldKey?.name ?? rotation?.keyName ?? "key";

  const keepOnLeaving = () => keepInVault && vaultUnlocked && started !== null && rotation?.vaultEntryId === null;
  const leaveStepOne = async () => {
    if (keepOnLeaving()) await keepNewKey(oldKeyId);
    setStarted(null);
  };
  const moveTo = (step: RotationStep) => move(oldKeyId, step);

  const requestClose = async () => {
    // Leaving step 1 by closing still honours "Keep in vault": the secret is not shown again.
    if (keepOnLeaving()) {
      setClosing(true);
      setCloseError(null);
      try {
        await keepNewKey(oldKeyId);
      } catch (failure) {
        setCloseError(failure instanceof Error ? failure.message : "The new key could not be kept in the vault.");
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

  const stepNumber = view === "done" ? 5 : STEP_NUMBER[view];
  const backFrom = (step: RotationStep) => {
    const previous = ROTATION_STEPS[ROTATION_STEPS.indexOf(step) - 1];
    return previous && canMoveRotation(step, previous) ? () => moveTo(previous) : undefined;
  };

  let body;
  if (view === "done" && finished) {
    body = <RotationDone retired={finished} onDone={closeWizard} />;
  } else if (view === "generate") {
    if (!oldKey) {
      body = keysPhase === "loading" || keysPhase === "idle" ? <Spinner label="Loading the key…" /> : <RotationNotice message="This key is not in the current workspace's list. Refresh the keys, or switch to its workspace." onClose={closeWizard} />;
    } else if (!started && oldKey.status !== "active") {
      body = <RotationNotice message={`This key is ${oldKey.status}: there is nothing left to rotate.`} onClose={closeWizard} />;
    } else {
      body = (
        <GenerateStep
          oldKey={oldKey}
          mode={mode}
          started={started}
          onStarted={(next) => {
            setKeepInVault(vaultUnlocked);
            setStarted(next);
            if (next.rotation.vaultEntryId) void useVaultStore.getState().loadStatus();
          }}
          keepInVault={keepInVault && vaultUnlocked}
          onKeepInVaultChange={setKeepInVault}
          onNext={leaveStepOne}
          onCancel={closeWizard}
          onCancelRotation={() => setConfirmingCancel(true)}
          closeError={closeError}
        />
      );
    }
  } else if (!rotation) {
    body = <RotationNotice message="This rotation is no longer in progress: it was finished or cancelled elsewhere." onClose={closeWizard} />;
  } else if (view === "update") {
    body = <UpdateStep rotation={rotation} onNext={() => moveTo("verify")} onCancelRotation={() => setConfirmingCancel(true)} />;
  } else if (view === "verify") {
    body = <VerifyStep rotation={rotation} onBack={backFrom("verify")!} onNext={() => moveTo("revoke")} onCancelRotation={() => setConfirmingCancel(true)} />;
  } else if (view === "revoke") {
    body = <RevokeStep rotation={rotation} oldKey={oldKey} onBack={backFrom("revoke")!} onFinished={setFinished} onCancelRotation={() => setConfirmingCancel(true)} />;
  }

  return (
    <Modal
      open
      onRequestClose={() => (closing ? undefined : void requestClose())}
      context={<WorkspaceName />}
      title={`${mode === "rescope" ? "Rescope" : "Rotate"} ${name}`}
      width="lg"
      className="modal-wizard"
      returnFocusTo={() => rowControl(oldKeyId)}
    >
      <RotationStepper current={stepNumber} />
      <h3 className={view === "done" ? "visually-hidden" : "wizard-step-title"} ref={stepHeading} tabIndex={-1}>
        {view === "done" ? "Rotation complete" : `Step ${stepNumber} of 4: ${STEP_TITLES[stepNumber - 1]}`}
      </h3>
      {body}
      {rotation ? (
        <CancelRotationDialog
          rotation={rotation}
          open={confirmingCancel}
          onOpenChange={setConfirmingCancel}
          onCancelled={() => {
            setStarted(null);
            closeWizard();
          }}
        />
      ) : null}
    </Modal>
  );
}

/** Back to the key's row when the wizard closes and what opened it is gone: its "Resume rotation" button, else its menu button. */
function rowControl(keyId: string): HTMLElement | null {
  const row = document.querySelector(`[data-key-id="${CSS.escape(keyId)}"]`);
  return row?.querySelector<HTMLElement>(".rotating-cell .link-button") ?? row?.querySelector<HTMLElement>(".row-menu-trigger") ?? null;
}
