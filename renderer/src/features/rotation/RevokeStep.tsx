/**
 * Step 4: retire the old key, now or after a grace period. When the old key was used in the last
 * minutes, the main process asks for a confirmation that names that use before breaking it.
 */
import { useState } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import type { RevokeTiming, Rotation } from "../../../../shared/ipc/contract";
import { toUserError } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ChoiceCards, type Choice } from "../../ui/ChoiceCards";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { formatClient, formatRelative, formatUseTime } from "../../ui/format";
import { CheckIcon } from "../../ui/icons";
import { OldKeyUseLine } from "../../ui/UsageLines";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useRotationStore } from "./rotation-store";
import { useRotationUsage } from "./useRotationUsage";
import { WizardFooter } from "./WizardFooter";

const TIMINGS: Choice<RevokeTiming>[] = [
  { value: "now", title: "Revoke now", hint: "It stops working at once." },
  { value: "1h", title: "After 1 hour", hint: "For an integration being redeployed right now." },
  { value: "24h", title: "After 24 hours", hint: "For jobs that run daily." },
  { value: "7d", title: "After 7 days", hint: "For jobs that run weekly, or integrations you can't check." },
];

type RevokeStepProps = {
  rotation: Rotation;
  /** The old key as the table knows it, for its display form. */
  oldKey: ApiKey | undefined;
  onBack: () => Promise<void>;
  onFinished: (oldKey: ApiKey) => void;
  onCancelRotation: () => void;
};

export function RevokeStep({ rotation, oldKey, onBack, onFinished, onCancelRotation }: RevokeStepProps) {
  const [timing, setTiming] = useState<RevokeTiming>("now");
  const [recentUse, setRecentUse] = useState<string | null>(null);
  const { usage } = useRotationUsage(rotation.oldKeyId);
  const finishing = useAsyncAction();
  const moving = useAsyncAction();

  const finishRotation = useRotationStore((state) => state.finish);
  const finish = async (confirmRecentUse: boolean) => {
    const retired = await finishRotation(rotation.oldKeyId, timing, confirmRecentUse);
    onFinished(retired);
  };

  const submit = () =>
    finishing.run(async () => {
      try {
        await finish(false);
      } catch (failure) {
        const { code, message } = toUserError(failure);
        if (code !== "needs_confirmation") throw failure;
        setRecentUse(message);
      }
    });

  const lastUse = usage?.oldKeyLastUse ?? null;
  const display = oldKey?.display ?? "The old key";
  return (
    <div className="wizard-step">
      <p className="wizard-lead">
        Retire the old key <code className="key-display">{display}</code>: revoke it now, or let it keep working for a while for integrations that have not picked up the new key yet.
      </p>
      <ul className="stack-list usage-lines">
        {rotation.verifiedAt ? (
          <li className="usage-line usage-ok">
            <CheckIcon className="usage-icon" />
            <span>
              The integration has used the new key since <time dateTime={rotation.verifiedAt}>{formatUseTime(rotation.verifiedAt, Date.now())}</time>.
            </span>
          </li>
        ) : (
          <li className="usage-line usage-warn">
            <span className="usage-dot" aria-hidden="true" />
            <span>Keyward has not seen the integration use the new key yet.</span>
          </li>
        )}
        <OldKeyUseLine usage={usage} />
      </ul>

      <ChoiceCards legend="When should the old key stop working?" choices={TIMINGS} value={timing} onChange={setTiming} />
      {finishing.error ? <Alert>{finishing.error.message}</Alert> : null}
      {moving.error ? <Alert>{moving.error.message}</Alert> : null}

      <WizardFooter onCancelRotation={onCancelRotation}>
        <Button variant="ghost" disabled={moving.busy || finishing.busy} onClick={() => void moving.run(onBack)}>
          Back
        </Button>
        <Button variant="danger" busy={finishing.busy} onClick={() => void submit()}>
          {timing === "now" ? "Revoke old key" : "Schedule revocation"}
        </Button>
      </WizardFooter>

      <ConfirmDialog
        open={recentUse !== null}
        onOpenChange={(open) => (open ? undefined : setRecentUse(null))}
        title="The old key is still in use"
        description={
          <>
            <p>{recentUse}</p>
            {lastUse ? (
              <p className="confirm-use">
                Last use: <time dateTime={lastUse.at}>{formatUseTime(lastUse.at, Date.now())}</time> ({formatRelative(lastUse.at, Date.now(), { seconds: true })}) from {formatClient(lastUse)}
              </p>
            ) : null}
            <p>Revoke it anyway? A grace period (1 hour, 24 hours, 7 days) lets that client go on until it has the new key.</p>
          </>
        }
        cancelLabel="Go back"
        confirmLabel="Revoke anyway"
        destructive
        onConfirm={() => finish(true)}
      />
    </div>
  );
}
