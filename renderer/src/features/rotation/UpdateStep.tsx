/** Step 2: put the new key where the integration reads its key. The copy comes from the main process. */
import { useState } from "react";
import type { Rotation } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { CopyIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { CopyStatus, useClipboardStore } from "../clipboard";
import { useRotationStore } from "./rotation-store";
import { SecretGoneNotice } from "./SecretGoneNotice";
import { WizardFooter } from "./WizardFooter";

type UpdateStepProps = { rotation: Rotation; onNext: () => Promise<void>; onCancelRotation: () => void };

export function UpdateStep({ rotation, onNext, onCancelRotation }: UpdateStepProps) {
  const [copied, setCopied] = useState(false);
  const copying = useAsyncAction();
  const next = useAsyncAction();
  const copyRotationKey = useClipboardStore((state) => state.copyRotationKey);

  const copy = () =>
    copying.run(async () => {
      try {
        await copyRotationKey(rotation.oldKeyId);
        setCopied(true);
      } catch (failure) {
        // A secret that is gone or a locked vault change what the step can offer: refresh what the main process holds.
        void useRotationStore.getState().load();
        throw failure;
      }
    });

  return (
    <div className="wizard-step">
      <p className="wizard-lead">
        Paste the new key where <strong>{rotation.keyName}</strong> reads its key{rotation.description ? <>: {rotation.description}</> : "."}
      </p>
      <p className="muted">An environment variable or a secrets manager, never source code. Then restart or redeploy the integration if it reads its key only at start.</p>
      {rotation.secretAvailable ? (
        <div className="secret-block">
          <div>
            <Button variant="primary" busy={copying.busy} onClick={() => void copy()}>
              {copying.busy ? null : <CopyIcon />}
              Copy new key
            </Button>
          </div>
          <CopyStatus copied={copied} />
        </div>
      ) : (
        <SecretGoneNotice onCancelRotation={onCancelRotation} />
      )}
      {copying.error ? <Alert>{copying.error.message}</Alert> : null}
      {rotation.vaultEntryId !== null && rotation.secretAvailable ? <p className="muted">The new key is also in the vault: the Vault screen can copy it later.</p> : null}
      {next.error ? <Alert>{next.error.message}</Alert> : null}
      <WizardFooter onCancelRotation={onCancelRotation}>
        <Button variant="primary" busy={next.busy} onClick={() => void next.run(onNext)}>
          Next
        </Button>
      </WizardFooter>
    </div>
  );
}
