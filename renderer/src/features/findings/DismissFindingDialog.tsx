/**
 * Dismissing a finding: a note is required (why it needs no action). The dismissal is remembered for
 * this workspace, recorded in the app's audit log, and shown in reviews and reports.
 */
import { useRef } from "react";
import { z } from "zod";
import { Dismissal, FINDING_TITLES } from "../../../../shared/domain/findings";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKey } from "../inventory";
import { WorkspaceName } from "../workspaces";
import { useFindingsStore } from "./findings-store";

const DismissForm = z.object({ note: Dismissal.shape.note });

export function DismissFindingDialog() {
  const finding = useFindingsStore((state) => state.dismissing);
  const close = useFindingsStore((state) => state.closeDismiss);
  const dismiss = useFindingsStore((state) => state.dismiss);
  const apiKey = useKey(finding?.keyId ?? "");
  const action = useAsyncAction();
  const note = useRef<HTMLTextAreaElement | null>(null);
  const form = useZodForm(DismissForm, { note: "" });
  if (!finding) return null;
  const { ref, ...noteField } = form.register("note");
  const submit = form.handleSubmit(({ note: text }) =>
    action.run(async () => {
      await dismiss(finding.id, text);
      form.reset();
    }),
  );
  const cancel = () => {
    form.reset();
    close();
  };

  return (
    <Modal open onRequestClose={cancel} context={<WorkspaceName />} title={`Dismiss “${FINDING_TITLES[finding.kind]}” on ${apiKey?.name ?? "this key"}?`} initialFocus={note}>
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-description">{finding.explanation}</p>
        <Field label="Why does it need no action?" hint="Kept with the finding and shown in audit reviews and reports." error={form.formState.errors.note?.message ?? null}>
          {(control) => (
            <textarea
              {...control}
              {...noteField}
              ref={(element) => {
                ref(element);
                note.current = element;
              }}
              className="input textarea"
              rows={3}
            />
          )}
        </Field>
        <FormFooter action={action} submitLabel="Dismiss finding" onCancel={cancel} />
      </form>
    </Modal>
  );
}
