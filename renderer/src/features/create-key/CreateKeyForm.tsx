/**
 * The create form: name (with its limit as you type and the one-key-per-integration warning),
 * description, scope, environment, expiry. Validated with the contract's own schemas: a name over
 * the limit is refused with a message, never cut.
 */
import { useMemo } from "react";
import { z } from "zod";
import { Environment, KEY_NAME_MAX, KeyDescription, KeyName, Scope } from "../../../../shared/api/schemas";
import type { CreatedKeyView } from "../../../../shared/ipc/contract";
import { CharCount } from "../../ui/CharCount";
import { ChoiceCards } from "../../ui/ChoiceCards";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { ScopeRadioCards } from "../../ui/ScopeRadioCards";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKeysStore } from "../inventory";
import { useCreateKeyStore, type CreateKeyPrefill } from "./create-key-store";
import { EXPIRY_LABELS, EXPIRY_PRESETS, expiryFor, localDateInput } from "./expiry";

const CreateKeyFields = z
  .object({ name: KeyName, description: KeyDescription, scope: Scope, environment: Environment, expiry: z.enum(EXPIRY_PRESETS), expiresOn: z.string() })
  .superRefine((fields, context) => {
    if (fields.expiry === "custom" && expiryFor("custom", fields.expiresOn, Date.now()) === undefined) {
      context.addIssue({ code: "custom", path: ["expiresOn"], message: "Choose today or a later date" });
    }
  });

const ENVIRONMENT_CHOICES = [
  { value: "live", title: "Live", hint: "For production integrations (uo_live_…)." },
  { value: "test", title: "Test", hint: "For trying things out (uo_test_…)." },
] as const;

type CreateKeyFormProps = {
  prefill: CreateKeyPrefill | null;
  onCancel: () => void;
  /** Receives the new key and the handle of its secret; the caller keeps them in its own state only. */
  onCreated: (created: CreatedKeyView) => void;
};

export function CreateKeyForm({ prefill, onCancel, onCreated }: CreateKeyFormProps) {
  const create = useCreateKeyStore((state) => state.create);
  const keys = useKeysStore((state) => state.keys);
  const creating = useAsyncAction();
  const form = useZodForm(
    CreateKeyFields,
    { name: prefill?.name ?? "", description: prefill?.description ?? "", scope: prefill?.scope ?? "read", environment: "live", expiry: "none", expiresOn: "" },
    "onChange",
  );
  const { errors } = form.formState;
  const [name, scope, environment, expiry] = form.watch(["name", "scope", "environment", "expiry"]);

  const activeNames = useMemo(() => new Set(keys.filter((key) => key.status === "active").map((key) => key.name.trim().toLowerCase())), [keys]);
  const trimmed = name.trim();
  const duplicate = trimmed !== "" && activeNames.has(trimmed.toLowerCase());

  const submit = form.handleSubmit(async (fields) => {
    const expiresAt = expiryFor(fields.expiry, fields.expiresOn, Date.now()) ?? null;
    await creating.run(async () => onCreated(await create({ name: fields.name, description: fields.description, scope: fields.scope, environment: fields.environment, expiresAt })));
  });

  return (
    <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Name"
        hint={
          <>
            Say what uses it, so the key can be revoked without guessing. <CharCount length={name.length} max={KEY_NAME_MAX} />
          </>
        }
        error={errors.name?.message ?? null}
        warning={duplicate ? `An active key is already named ${trimmed}. One key per integration: revoking one then won't break the other.` : null}
      >
        {(control) => <input {...control} {...form.register("name")} className="input" autoComplete="off" placeholder="e.g. Zapier Integration, CI/CD Pipeline" autoFocus />}
      </Field>
      <Field label="Description" optional error={errors.description?.message ?? null}>
        {(control) => <textarea {...control} {...form.register("description")} className="input textarea" rows={2} />}
      </Field>
      <ScopeRadioCards value={scope} onChange={(next) => form.setValue("scope", next, { shouldValidate: true })} />
      <ChoiceCards legend="Environment" choices={ENVIRONMENT_CHOICES} value={environment} onChange={(next) => form.setValue("environment", next, { shouldValidate: true })} />
      <Field label="Expires" hint="The key stops working at the end of its last day." error={errors.expiresOn?.message ?? null}>
        {(control) => (
          <div className="expiry-row">
            <select {...control} {...form.register("expiry")} className="select">
              {EXPIRY_PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {EXPIRY_LABELS[preset]}
                </option>
              ))}
            </select>
            {expiry === "custom" ? (
              <input {...form.register("expiresOn")} aria-label="Expiry date" type="date" className="input input-date" min={localDateInput(Date.now())} aria-invalid={errors.expiresOn ? true : undefined} />
            ) : null}
          </div>
        )}
      </Field>
      <FormFooter action={creating} submitLabel="Generate" onCancel={onCancel} />
    </form>
  );
}
