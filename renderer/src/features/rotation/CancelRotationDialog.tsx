/**
 * Abandons a rotation. The old key stays in service either way; the choice is the new key's fate:
 * revoke it when the integration never got it, keep it when the integration may already use it.
 */
import { useId, useState } from "react";
import type { Rotation } from "../../../../shared/ipc/contract";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { useKey } from "../inventory";
import { useVaultStore } from "../vault";
import { useRotationStore } from "./rotation-store";

type CancelRotationDialogProps = { rotation: Rotation; open: boolean; onOpenChange: (open: boolean) => void; onCancelled: () => void };

export function CancelRotationDialog({ rotation, open, onOpenChange, onCancelled }: CancelRotationDialogProps) {
  const id = useId();
  // Unused so far: revoking it is the tidy choice. Already used by the integration: keeping it is the safe one.
  const [revokeNewKey, setRevokeNewKey] = useState(rotation.verifiedAt === null);
  const newDisplay = useKey(rotation.newKeyId)?.display;
  const cancelRotation = useRotationStore((state) => state.cancel);

  const cancel = async () => {
    await cancelRotation(rotation.oldKeyId, revokeNewKey);
    void useVaultStore.getState().loadStatus();
    onCancelled();
  };

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Cancel the rotation of ${rotation.keyName}?`}
      description={<p>The old key stays in service and keeps working. Nothing else changes unless you also revoke the new key.</p>}
      cancelLabel="Go back"
      confirmLabel="Cancel rotation"
      destructive={revokeNewKey}
      onConfirm={cancel}
    >
      <div className="checkbox-row">
        <input type="checkbox" id={`${id}-revoke-new`} checked={revokeNewKey} aria-describedby={`${id}-revoke-new-hint`} onChange={(event) => setRevokeNewKey(event.target.checked)} />
        <div>
          <label htmlFor={`${id}-revoke-new`}>Also revoke the new key{newDisplay ? <> ({newDisplay})</> : null}</label>
          <p className="field-hint" id={`${id}-revoke-new-hint`}>
            {rotation.verifiedAt === null
              ? "Keyward has not seen the integration use it, so revoking it breaks nothing it knows of."
              : "The integration has already used it: revoking it breaks the integration until it goes back to the old key."}
          </p>
        </div>
      </div>
    </ConfirmDialog>
  );
}
