/**
 * The revoke confirmation: which keys (every name), what happens, and why (recorded in the audit
 * log). No reason is preselected: the user chooses, and "Other" needs a note. The reason cards are
 * neutral; only the final button is red.
 */
import { useRef } from "react";
import { AlertDialog } from "radix-ui";
import type { ApiKey, RevokeReason } from "../../../../shared/api/schemas";
import { RevokeInput } from "../../../../shared/ipc/contract";
import { IpcError } from "../../../../shared/ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ChoiceCards, type Choice } from "../../ui/ChoiceCards";
import { Field } from "../../ui/Field";
import { keyCount } from "../../ui/format";
import { useZodForm } from "../../ui/form";
import { KeyLine } from "../../ui/KeyLine";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKeysStore } from "../inventory";
import { WorkspaceName } from "../workspaces";
import { useRevokeStore } from "./revoke-store";

const REASONS: Choice<RevokeReason>[] = [
  { value: "compromised", title: "Compromised", hint: "It was or may have been exposed." },
  { value: "unused", title: "Unused", hint: "Nothing uses it any more." },
  { value: "rotated", title: "Rotated", hint: "A newer key has replaced it." },
  { value: "other", title: "Other", hint: "Say why in the note." },
];

export function RevokeForm({ keys }: { keys: ApiKey[] }) {
  const revokeMany = useKeysStore((state) => state.revokeMany);
  const showNotice = useRevokeStore((state) => state.showNotice);
  const revoking = useAsyncAction();
  const firstReason = useRef<HTMLInputElement>(null);
  const form = useZodForm(RevokeInput, { note: "" });
  const { errors } = form.formState;
  const reason = form.watch("reason");
  const single = keys.length === 1 ? keys[0]! : null;

  const submit = form.handleSubmit((input) =>
    revoking.run(async () => {
      const result = await revokeMany(
        keys.map((key) => key.id),
        input,
      );
      if (result.revoked.length === 0 && result.failed.length > 0) throw new IpcError("workspace_error", result.failed[0]!.message);
      showNotice({ keys: result.revoked, failed: result.failed, offerReplacement: input.reason === "compromised" });
    }),
  );

  return (
    <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
      <header className="modal-header">
        <div className="modal-heading">
          <div className="modal-context">
            <WorkspaceName />
          </div>
          <AlertDialog.Title className="modal-title truncate" title={single ? `Revoke ${single.name}?` : undefined}>
            {single ? `Revoke ${single.name}?` : `Revoke ${keyCount(keys.length)}?`}
          </AlertDialog.Title>
        </div>
      </header>
      <AlertDialog.Description asChild>
        <div className="modal-description">
          {single ? (
            <KeyLine name={single.name} display={single.display} />
          ) : (
            <ul className="stack-list revoke-list" aria-label="Keys to revoke">
              {keys.map((key) => (
                <li key={key.id}>
                  <KeyLine name={key.name} display={key.display} />
                </li>
              ))}
            </ul>
          )}
          <p>Takes effect immediately: any application using {single ? "it" : "them"} will start getting authentication errors.</p>
        </div>
      </AlertDialog.Description>
      <ChoiceCards legend="Reason" choices={REASONS} value={reason} firstRef={firstReason} error={errors.reason?.message} onChange={(next) => form.setValue("reason", next, { shouldValidate: true })} />
      <Field label="Note" optional={reason !== "other"} error={errors.note?.message ?? null}>
        {(control) => <textarea {...control} {...form.register("note")} className="input textarea" rows={2} />}
      </Field>
      {revoking.error ? <Alert>{revoking.error.message}</Alert> : null}
      <footer className="modal-footer">
        <AlertDialog.Cancel asChild>
          <Button>Cancel</Button>
        </AlertDialog.Cancel>
        <Button type="submit" variant="danger" busy={revoking.busy}>
          {single ? "Revoke key" : `Revoke ${keyCount(keys.length)}`}
        </Button>
      </footer>
    </form>
  );
}
