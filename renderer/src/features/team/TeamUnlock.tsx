/*
 * The personal vault is locked: the team identity inside it is needed first. Unlocks it here, so
 * the user does not have to leave the Team vault screen.
 * Protects against: the passphrase being kept (it goes to the main process; the field is the only
 * place it lives). Does not protect against: someone watching the keyboard.
 */
import { z } from "zod";
import { Passphrase } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore } from "../vault";

const UnlockForm = z.object({ passphrase: Passphrase });

export function TeamUnlock({ notice }: { notice: string | null }) {
  const unlock = useVaultStore((state) => state.unlock);
  const unlocking = useAsyncAction();
  const form = useZodForm(UnlockForm, { passphrase: "" });
  const submit = form.handleSubmit(({ passphrase }) => unlocking.run(() => unlock(passphrase)));
  return (
    <form className="card team-narrow-card" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card-title">Unlock your vault</h2>
      {notice ? <Alert tone="info">{notice}</Alert> : <p>Your team identity, the key that opens team vaults, is kept in your personal vault.</p>}
      <Field label="Passphrase" error={form.formState.errors.passphrase?.message ?? null}>
        {(control) => <input {...control} {...form.register("passphrase")} className="input" type="password" autoComplete="current-password" autoFocus />}
      </Field>
      {unlocking.error ? <Alert>{unlocking.error.message}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={unlocking.busy}>
          Unlock
        </Button>
      </div>
    </form>
  );
}
