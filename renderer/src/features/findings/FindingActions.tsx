/**
 * The actions of one finding: the one that resolves it (revoke, rotate, or rotate into the
 * narrower scope it suggests), then "Dismiss…" with a note; a dismissed finding offers "Restore".
 * Each action opens the same dialog as the keys table does.
 */
import type { ApiKey } from "../../../../shared/api/schemas";
import type { Finding, FindingAction } from "../../../../shared/domain/findings";
import { Button } from "../../ui/Button";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useRevokeStore } from "../revoke";
import { useRotationStore } from "../rotation";
import { actionLabel } from "./finding-labels";
import { useFindingsStore } from "./findings-store";

/** `apiKey` is the finding's key (undefined when the list no longer has it); `onBeforeAction` closes what must close first. */
export function FindingActions({ finding, apiKey, onBeforeAction }: { finding: Finding; apiKey: ApiKey | undefined; onBeforeAction?: () => void }) {
  const rotating = useRotationStore((state) => state.byOldKeyId.has(finding.keyId));
  const restoring = useAsyncAction();
  const openDismiss = useFindingsStore((state) => state.openDismiss);
  const restore = useFindingsStore((state) => state.restore);
  const active = apiKey?.status === "active";

  if (finding.dismissal) {
    return (
      <div className="finding-actions">
        <Button size="sm" busy={restoring.busy} onClick={() => void restoring.run(() => restore(finding.id))}>
          Restore
        </Button>
        {restoring.error ? <span className="field-error">{restoring.error.message}</span> : null}
      </div>
    );
  }

  const run = (action: Exclude<FindingAction, "dismiss">) => {
    onBeforeAction?.();
    if (action === "revoke") useRevokeStore.getState().openFor([finding.keyId]);
    else if (action === "rotate") useRotationStore.getState().openWizard(finding.keyId, "rotate");
    else useRotationStore.getState().openWizard(finding.keyId, "rescope", finding.suggestedScope ? { suggestedScope: finding.suggestedScope } : {});
  };
  const resolving = finding.actions.filter((action): action is Exclude<FindingAction, "dismiss"> => action !== "dismiss");
  return (
    <div className="finding-actions">
      {resolving.map((action, index) => (
        <Button
          key={action}
          size="sm"
          variant={action === "revoke" ? "danger" : index === 0 ? "primary" : "secondary"}
          // A key being rotated resumes its rotation instead; a revoked or expired key has nothing left to act on.
          disabled={!active || (action === "rescope" && rotating)}
          onClick={() => run(action)}
        >
          {action === "rotate" && rotating ? "Resume rotation" : actionLabel(action, finding)}
        </Button>
      ))}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          onBeforeAction?.();
          openDismiss(finding);
        }}
      >
        {actionLabel("dismiss", finding)}
      </Button>
    </div>
  );
}
