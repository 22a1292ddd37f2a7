/**
 * The review's sign-off: the reviewer's name, once every key has a decision, confirmed (it is
 * final: decisions no longer change, though they can still be carried out). Afterwards, who signed
 * off and when.
 */
import { useState } from "react";
import type { Review } from "../../../../shared/domain/review";
import { SignOffInput } from "../../../../shared/ipc/contract";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field } from "../../ui/Field";
import { countOf } from "../../ui/format";
import { useZodForm } from "../../ui/form";
import { Section } from "../../ui/Section";
import { formatEventTime } from "./audit-text";
import { useReviewStore } from "./review-store";

const ReviewerForm = SignOffInput.pick({ reviewer: true });

export function SignOff({ review }: { review: Review }) {
  const signOff = useReviewStore((state) => state.signOff);
  const [confirming, setConfirming] = useState<string | null>(null);
  const form = useZodForm(ReviewerForm, { reviewer: "" });
  const undecided = review.keys.filter((key) => !review.decisions[key.id]).length;

  if (review.signOff) {
    return (
      <Section level={2} className="card audit-signoff audit-signed" title="Signed off">
        <p>
          Signed off by <strong>{review.signOff.reviewer}</strong> on {formatEventTime(review.signOff.at)}. The decisions can no longer be changed; those to rotate, rescope or revoke can still be carried out.
        </p>
      </Section>
    );
  }
  const submit = form.handleSubmit(({ reviewer }) => setConfirming(reviewer));
  return (
    <Section level={2} className="card audit-signoff" title="Sign-off">
      {undecided > 0 ? (
        <p className="muted">
          {countOf(undecided, "key")} {undecided === 1 ? "has" : "have"} no decision yet. Sign-off is possible once every key has one.
        </p>
      ) : (
        <form className="audit-signoff-form" onSubmit={(event) => void submit(event)} noValidate>
          <Field label="Reviewer's name" error={form.formState.errors.reviewer?.message ?? null} hint="Recorded with the time, in the review, its reports and this app's audit log.">
            {(control) => <input {...control} {...form.register("reviewer")} className="input" autoComplete="name" />}
          </Field>
          <Button type="submit" variant="primary">
            Sign off…
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title="Sign off this review?"
        description={`Signed off by ${confirming ?? ""}, now. The decisions can no longer be changed afterwards.`}
        confirmLabel="Sign off"
        onConfirm={async () => {
          if (confirming) await signOff(confirming);
        }}
      />
    </Section>
  );
}
