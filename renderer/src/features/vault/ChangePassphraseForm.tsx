/**
 * A new passphrase for the vault. The vault gets a new key too: the old passphrase opens nothing afterwards.
 * Protects against: passphrases kept after use (the form is reset once it succeeds). Does not
 * protect against: someone watching the screen or the keyboard.
 */
import { z } from "zod";
import { NewPassphrase, Passphrase } from "../../../../shared/ipc/contract";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore } from "./vault-store";

const ChangeForm = z
  .object({ current: Passphrase, next: NewPassphrase, confirmation: z.string() })
  .refine((form) => form.next === form.confirmation, { message: "The two passphrases differ", path: ["confirmation"] });

export function ChangePassphraseForm() {
  const changePassphrase = useVaultStore((state) => state.changePassphrase);
  const saving = useAsyncAction();
  const form = useZodForm(ChangeForm, { current: "", next: "", confirmation: "" });
  const { errors, isSubmitSuccessful } = form.formState;
  const submit = form.handleSubmit(async ({ current, next }) => {
    if (await saving.run(() => changePassphrase(current, next))) form.reset({ current: "", next: "", confirmation: "" }, { keepIsSubmitSuccessful: true });
  });
  return (
    <form className="card" aria-labelledby="change-passphrase-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card-title" id="change-passphrase-title">
        Change passphrase
      </h2>
      <p className="muted">The vault is re-encrypted with a new key: neither the old passphrase nor any older copy of the keychain's key opens it afterwards.</p>
      <Field label="Current passphrase" error={errors.current?.message ?? null}>
        {(control) => <input {...control} {...form.register("current")} className="input" type="password" autoComplete="current-password" />}
      </Field>
      <Field label="New passphrase" error={errors.next?.message ?? null}>
        {(control) => <input {...control} {...form.register("next")} className="input" type="password" autoComplete="new-password" />}
      </Field>
      <Field label="Confirm new passphrase" error={errors.confirmation?.message ?? null}>
        {(control) => <input {...control} {...form.register("confirmation")} className="input" type="password" autoComplete="new-password" />}
      </Field>
      <FormFooter action={saving} submitLabel="Change passphrase" layout="card" variant="secondary" success={isSubmitSuccessful ? "Passphrase changed." : null} />
    </form>
  );
}
