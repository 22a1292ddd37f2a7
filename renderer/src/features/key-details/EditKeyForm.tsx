/** Edits a key's name and description (its scope, environment and expiry never change in place). */
import type { ApiKey } from "../../../../shared/api/schemas";
import { KEY_NAME_MAX, UpdateKeyBody } from "../../../../shared/api/schemas";
import { CharCount } from "../../ui/CharCount";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKeysStore } from "../inventory";

export function EditKeyForm({ apiKey, onDone }: { apiKey: ApiKey; onDone: () => void }) {
  const update = useKeysStore((state) => state.update);
  const saving = useAsyncAction();
  const form = useZodForm(UpdateKeyBody, { name: apiKey.name, description: apiKey.description }, "onChange");
  const { errors } = form.formState;
  const name = form.watch("name") ?? "";
  const submit = form.handleSubmit(async (changes) => {
    if (await saving.run(() => update(apiKey.id, changes))) onDone();
  });
  return (
    <form className="modal-form edit-key-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Edit name and description">
      <Field
        label="Name"
        hint={<CharCount length={name.length} max={KEY_NAME_MAX} />}
        error={errors.name?.message ?? null}
      >
        {(control) => <input {...control} {...form.register("name")} className="input" autoComplete="off" autoFocus />}
      </Field>
      <Field label="Description" optional error={errors.description?.message ?? null}>
        {(control) => <textarea {...control} {...form.register("description")} className="input textarea" rows={2} />}
      </Field>
      <FormFooter action={saving} submitLabel="Save" onCancel={onDone} />
    </form>
  );
}
