/**
 * Step 3: verify. "Test the new key" proves the key works (Keyward calls whoami with it); the live
 * panel proves the integration uses it: the workspace's usage shows a client other than Keyward on
 * the new key. Only that counts as verified. Some integrations run rarely, so the step can be left
 * without it, after a confirmation.
 */
import { useId, useState } from "react";
import type { Whoami } from "../../../../shared/api/schemas";
import type { Rotation } from "../../../../shared/ipc/contract";
import { scopeLabel } from "../../../../shared/domain/scopes";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { NewKeyUseLine, OldKeyUseLine } from "../../ui/UsageLines";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useRotationStore } from "./rotation-store";
import { useRotationUsage } from "./useRotationUsage";
import { WizardFooter } from "./WizardFooter";

type VerifyStepProps = {
  rotation: Rotation;
  onBack: () => Promise<void>;
  onNext: () => Promise<void>;
  onCancelRotation: () => void;
};

export function VerifyStep({ rotation, onBack, onNext, onCancelRotation }: VerifyStepProps) {
  const titleId = useId();
  const testHintId = useId();
  const { usage, error: usageError } = useRotationUsage(rotation.oldKeyId);
  const [whoami, setWhoami] = useState<Whoami | null>(null);
  const [confirmingSkip, setConfirmingSkip] = useState(false);
  const testNewKey = useRotationStore((state) => state.testNewKey);
  const testing = useAsyncAction();
  const moving = useAsyncAction();
  const verified = usage?.verified ?? rotation.verifiedAt !== null;

  const test = () =>
    testing.run(async () => {
      setWhoami(null);
      try {
        setWhoami(await testNewKey(rotation.oldKeyId));
      } catch (failure) {
        // The secret may have just gone (or the vault locked): refresh what the step can offer.
        void useRotationStore.getState().load();
        throw failure;
      }
    });

  return (
    <div className="wizard-step">
      <p className="wizard-lead">Run the integration (or wait for its next run). Keyward watches the workspace for its first request with the new key.</p>

      <div className="test-row">
        <Button busy={testing.busy} disabled={!rotation.secretAvailable} aria-describedby={testHintId} onClick={() => void test()}>
          Test the new key
        </Button>
        <span className="muted" id={testHintId}>
          {rotation.secretAvailable
            ? "Keyward calls the workspace with it. This shows the key works, not that the integration has it."
            : "Keyward no longer holds the new key, so it can't test it. The integration's own use, below, still verifies the rotation."}
        </span>
      </div>
      {whoami ? (
        <Alert tone="success">
          The new key works: <strong>{whoami.name}</strong> · {scopeLabel(whoami.scope)} · <code>{whoami.keyId}</code>
        </Alert>
      ) : null}
      {testing.error ? (
        <Alert>{testing.error.code === "workspace_refused" || testing.error.code === "workspace_error" ? `The new key did not work: ${testing.error.message}` : testing.error.message}</Alert>
      ) : null}

      <section className={`verify-panel ${verified ? "verify-panel-done" : ""}`} aria-labelledby={titleId}>
        <header className="verify-panel-header">
          <h3 className="verify-panel-title" id={titleId}>
            Verification
          </h3>
          <span className={`badge ${verified ? "badge-verified" : "badge-waiting"}`} role="status">
            {verified ? "Verified" : "Waiting for the integration"}
          </span>
        </header>
        <ul className="stack-list usage-lines">
          <NewKeyUseLine usage={usage} />
          <OldKeyUseLine usage={usage} />
        </ul>
        {usageError ? <p className="field-error">Could not check the keys' use: {usageError} Trying again…</p> : null}
      </section>

      {!verified ? (
        <p className="skip-row">
          Does the integration run rarely (a nightly job, a weekly export)?{" "}
          <button type="button" className="link-button" onClick={() => setConfirmingSkip(true)}>
            Continue without verification
          </button>
        </p>
      ) : null}
      {moving.error ? <Alert>{moving.error.message}</Alert> : null}

      <WizardFooter onCancelRotation={onCancelRotation}>
        <Button variant="ghost" disabled={moving.busy} onClick={() => void moving.run(onBack)}>
          Back
        </Button>
        <Button variant="primary" disabled={!verified} busy={moving.busy} onClick={() => void moving.run(onNext)}>
          Next
        </Button>
      </WizardFooter>

      <ConfirmDialog
        open={confirmingSkip}
        onOpenChange={setConfirmingSkip}
        title="Continue without verification?"
        description={
          <>
            <p>Keyward has not seen the integration use the new key yet.</p>
            <p>If you are sure it has the new key, go on. If it still uses the old key, revoking the old key in the next step breaks it: choose a grace period there.</p>
          </>
        }
        cancelLabel="Go back"
        confirmLabel="Continue anyway"
        onConfirm={onNext}
      />
    </div>
  );
}
