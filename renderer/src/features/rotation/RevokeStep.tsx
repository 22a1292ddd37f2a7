/**
 * Step 4: retire the old key, now or after a grace period. When the old key was used in the last
 * minutes, the main process asks for a confirmation that names that use before breaking it.
 */
import { useId, useState } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { REVOKE_TIMINGS, type RevokeTiming, type Rotation } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { toUserError } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { CheckIcon } from "../../ui/icons";
import { formatAgo, formatClient, formatUseTime } from "./usage-format";
import { OldKeyUseLine } from "./UsageLines";
import { useAsyncAction } from "./useAsyncAction";
import { useRotationUsage } from "./useRotationUsage";
import { WizardFooter } from "./WizardFooter";

const TIMING_LABELS: Record<RevokeTiming, string> = { now: "Revoke now", "1h": "After 1 hour", "24h": "After 24 hours", "7d": "After 7 days" };
const TIMING_HINTS: Record<RevokeTiming, string> = {
  now: "It stops working at once.",
  "1h": "For an integration being redeployed right now.",
  "24h": "For jobs that run daily.",
  "7d": "For jobs that run weekly, or integrations you can't check.",
};

type RevokeStepProps = {
  rotation: Rotation;
  /** The old key as the table knows it, for its display form. */
  oldKey: ApiKey | undefined;
  onBack: () => Promise<void>;
  onFinished: (oldKey: ApiKey) => void;
  onCancelRotation: () => void;
};

export function RevokeStep({ rotation, oldKey, onBack, onFinished, onCancelRotation }: RevokeStepProps) {
  const id = useId();
  const [timing, setTiming] = useState<RevokeTiming>("now");
  const [recentUse, setRecentUse] = useState<string | null>(null);
  const { usage } = useRotationUsage(rotation.oldKeyId);
  const finishing = useAsyncAction();
  const moving = useAsyncAction();

  const finish = async (confirmRecentUse: boolean) => {
    const { oldKey: retired } = await call(keyward().rotation.finish({ oldKeyId: rotation.oldKeyId, revoke: timing, confirmRecentUse }));
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
      <ul className="usage-lines">
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

      <fieldset className="field">
        <legend className="field-label">When should the old key stop working?</legend>
        <div className="timing-options">
          {REVOKE_TIMINGS.map((option) => (
            <label key={option} className="reason-option timing-option">
              <input
                type="radio"
                name={`${id}-timing`}
                value={option}
                checked={timing === option}
                onChange={() => setTiming(option)}
                aria-labelledby={`${id}-${option}-label`}
                aria-describedby={`${id}-${option}-hint`}
              />
              <span id={`${id}-${option}-label`}>{TIMING_LABELS[option]}</span>
              <span className="muted" id={`${id}-${option}-hint`}>
                {TIMING_HINTS[option]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
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
                Last use: <time dateTime={lastUse.at}>{formatUseTime(lastUse.at, Date.now())}</time> ({formatAgo(lastUse.at, Date.now())}) from {formatClient(lastUse)}
              </p>
            ) : null}
            <p>{timing === "now" ? "Revoke it anyway?" : `Schedule its revocation (${TIMING_LABELS[timing].toLowerCase()}) anyway?`}</p>
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
