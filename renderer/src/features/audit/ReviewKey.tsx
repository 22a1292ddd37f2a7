/**
 * One key of a review: who it is, its findings, and the reviewer's decision (keep, rotate, rescope,
 * revoke) with a note, saved at once. A decision to rotate, rescope or revoke can be carried out from
 * here when the app is connected to the reviewed workspace: the app's own revoke dialog and rotation
 * wizard open, and the review records what the workspace then shows was done.
 */
import { useId } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import type { Finding } from "../../../../shared/domain/findings";
import type { Review, ReviewDecisionKind } from "../../../../shared/domain/review";
import { DecideInput } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { EnvironmentBadge, ScopeBadge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKey } from "../inventory";
import { useRevokeStore } from "../revoke";
import { useRotationStore } from "../rotation";
import { formatEventTime } from "./audit-text";
import { FindingList } from "./FindingList";
import { useReviewStore } from "./review-store";

const DecisionForm = DecideInput.pick({ decision: true, note: true });

export const DECISION_LABELS: Record<ReviewDecisionKind, string> = { keep: "Keep", rotate: "Rotate", rescope: "Rescope", revoke: "Revoke" };
const DECISION_HINTS: Record<ReviewDecisionKind, string> = {
  keep: "It is needed as it is.",
  rotate: "Replace it with a new key of the same scope.",
  rescope: "Replace it with a narrower key.",
  revoke: "Nothing should use it.",
};

export function ReviewKey({ review, apiKey, findings, canCarryOut }: { review: Review; apiKey: ApiKey; findings: Finding[]; canCarryOut: boolean }) {
  const decision = review.decisions[apiKey.id] ?? null;
  const readOnly = review.signOff !== null;
  const headingId = useId();
  return (
    <article className="card audit-review-key" aria-labelledby={headingId}>
      <header className="audit-review-key-header">
        <h3 className="audit-review-key-name" id={headingId}>
          {apiKey.name}
        </h3>
        <code className="key-display">{apiKey.display}</code>
        <ScopeBadge scope={apiKey.scope} />
        <EnvironmentBadge environment={apiKey.environment} />
      </header>
      <FindingList findings={findings} />
      {readOnly ? (
        <p className="audit-decision-text">
          {decision ? (
            <>
              Decision: <strong>{DECISION_LABELS[decision.decision]}</strong>
              {decision.note ? <> — {decision.note}</> : null}
            </>
          ) : (
            "Not reviewed."
          )}
        </p>
      ) : (
        <DecisionEditor keyId={apiKey.id} keyName={apiKey.name} decision={decision} />
      )}
      {decision && decision.decision !== "keep" ? <CarryOut keyId={apiKey.id} decision={decision} canCarryOut={canCarryOut} /> : null}
    </article>
  );
}

function DecisionEditor({ keyId, keyName, decision }: { keyId: string; keyName: string; decision: Review["decisions"][string] | null }) {
  const decide = useReviewStore((state) => state.decide);
  const saving = useAsyncAction();
  const form = useZodForm(DecisionForm, decision ? { decision: decision.decision, note: decision.note } : { note: "" });
  const { errors, isDirty } = form.formState;
  const legendId = useId();
  const submit = form.handleSubmit((values) =>
    saving.run(async () => {
      await decide(keyId, values.decision, values.note);
      form.reset(values);
    }),
  );
  return (
    <form className="audit-decision-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="audit-decision" aria-labelledby={legendId} aria-invalid={errors.decision ? true : undefined}>
        <legend className="field-label" id={legendId}>
          Decision <span className="visually-hidden">for {keyName}</span>
        </legend>
        <div className="audit-decision-choices">
          {(Object.keys(DECISION_LABELS) as ReviewDecisionKind[]).map((value) => (
            <label key={value} className="audit-decision-choice" title={DECISION_HINTS[value]}>
              <input type="radio" value={value} {...form.register("decision")} />
              <span>{DECISION_LABELS[value]}</span>
            </label>
          ))}
        </div>
        {errors.decision ? (
          <p className="field-error" role="alert">
            {errors.decision.message}
          </p>
        ) : null}
      </fieldset>
      <Field label="Note" optional error={errors.note?.message ?? null}>
        {(control) => <textarea {...control} {...form.register("note")} className="input textarea audit-note" rows={2} />}
      </Field>
      <div className="audit-decision-footer">
        <Button type="submit" size="sm" variant={isDirty ? "primary" : "secondary"} busy={saving.busy} disabled={!isDirty}>
          Save decision
        </Button>
        <span className="muted" aria-live="polite">
          {decision ? `Decided ${formatEventTime(decision.decidedAt)}${isDirty ? " · changes not saved" : ""}` : "No decision yet"}
        </span>
      </div>
      {saving.error ? <Alert>{saving.error.message}</Alert> : null}
    </form>
  );
}

function CarryOut({ keyId, decision, canCarryOut }: { keyId: string; decision: Review["decisions"][string]; canCarryOut: boolean }) {
  const key = useKey(keyId);
  const openRevoke = useRevokeStore((state) => state.openFor);
  const openWizard = useRotationStore((state) => state.openWizard);
  const rotating = useRotationStore((state) => state.byOldKeyId.has(keyId));
  if (decision.carriedOut) {
    return (
      <p className="audit-carried-out" role="status">
        <span className="badge audit-badge-valid">Carried out</span> {decision.carriedOut.result}
      </p>
    );
  }
  if (!canCarryOut) return <p className="muted audit-small">To carry this out, connect to the reviewed workspace.</p>;
  if (!key || key.status !== "active") return <p className="muted audit-small">The key is no longer active in the workspace.</p>;
  const name = key.name;
  if (decision.decision === "revoke") {
    return (
      <div className="audit-carry-out">
        <Button size="sm" variant="danger" aria-label={`Revoke ${name} now`} onClick={() => openRevoke([keyId])}>
          Revoke now…
        </Button>
      </div>
    );
  }
  const mode = decision.decision === "rescope" ? "rescope" : "rotate";
  return (
    <div className="audit-carry-out">
      <Button size="sm" aria-label={`${rotating ? "Resume the rotation of" : mode === "rescope" ? "Rescope" : "Rotate"} ${name}`} onClick={() => openWizard(keyId, mode)}>
        {rotating ? "Resume rotation…" : mode === "rescope" ? "Rescope now…" : "Rotate now…"}
      </Button>
    </div>
  );
}
