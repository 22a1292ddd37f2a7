/** Sets up the vault with a new passphrase, after saying plainly that a forgotten one cannot be recovered.
 * Protects against: a mistyped passphrase (typed twice) and a weak one (the contract's minimum).
 * Does not protect against: a passphrase the user reuses elsewhere.
 */
import { NEW_PASSPHRASE_MIN, NewPassphraseForm } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore } from "./vault-store";

/** `compact`: inside another dialog (keeping a new key), without the card around it. */
export function CreateVaultForm({ compact = false, onCreated }: { compact?: boolean; onCreated?: () => void }) {
  const create = useVaultStore((state) => state.create);
  const saving = useAsyncAction();
  const form = useZodForm(NewPassphraseForm, { passphrase: "", confirmation: "" });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ passphrase }) => {
    if (await saving.run(() => create(passphrase))) onCreated?.();
  });

  const fields = (
    <>
      <Alert tone="warning">
        <strong>Keyward cannot recover a forgotten passphrase.</strong> Nobody can: without it, what the vault holds is lost. Keep it in your password manager.
      </Alert>
      <Field label="Passphrase" hint={`At least ${NEW_PASSPHRASE_MIN} characters. A few unrelated words are easier to remember than symbols.`} error={errors.passphrase?.message ?? null}>
        {(control) => <input {...control} {...form.register("passphrase")} className="input" type="password" autoComplete="new-password" autoFocus={!compact} />}
      </Field>
      <Field label="Confirm passphrase" hint="Type the passphrase again." error={errors.confirmation?.message ?? null}>
        {(control) => <input {...control} {...form.register("confirmation")} className="input" type="password" autoComplete="new-password" />}
      </Field>
      {saving.error ? <Alert>{saving.error.message}</Alert> : null}
    </>
  );

  if (compact) {
    return (
      <div className="inline-vault-setup" role="group" aria-label="Set up the vault">
        {fields}
        <div className="card-actions">
          <Button variant="primary" busy={saving.busy} onClick={() => void submit()}>
            Create vault
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form className="card vault-card" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card-title">Set up your vault</h2>
      <p>
        The vault keeps the secrets of keys you choose to keep and the admin tokens of remote workspaces. It is encrypted with a key derived from your passphrase
        (Argon2id) and never leaves this computer.
      </p>
      {fields}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={saving.busy}>
          Create vault
        </Button>
      </div>
    </form>
  );
}
