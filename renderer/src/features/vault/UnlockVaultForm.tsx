/** Unlocks the vault with the passphrase, or with the OS keychain when the user turned that on.
 * Protects against: the passphrase being kept (it goes to the main process and the field is the
 * only place it lives). Does not protect against: someone watching the keyboard.
 */
import { z } from "zod";
import { Passphrase } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore, type LockReason } from "./vault-store";

const LOCK_REASONS: Partial<Record<LockReason, string>> = {
  idle: "Vault locked (idle): nothing happened in Keyward for a while.",
  suspend: "Vault locked because the computer went to sleep.",
  screen_lock: "Vault locked because the screen was locked.",
};

const UnlockForm = z.object({ passphrase: Passphrase });

/** `compact`: inside another dialog, without the card and the heading. */
export function UnlockVaultForm({ keychainUnlockEnabled, compact = false }: { keychainUnlockEnabled: boolean; compact?: boolean }) {
  const unlock = useVaultStore((state) => state.unlock);
  const unlockWithKeychain = useVaultStore((state) => state.unlockWithKeychain);
  const lockReason = useVaultStore((state) => state.lockReason);
  const withPassphrase = useAsyncAction();
  const withKeychain = useAsyncAction();
  const form = useZodForm(UnlockForm, { passphrase: "" });
  const submit = form.handleSubmit(({ passphrase }) => withPassphrase.run(() => unlock(passphrase)));
  const error = withPassphrase.error ?? withKeychain.error;

  const reason = lockReason ? LOCK_REASONS[lockReason] : undefined;
  const passphrase = (
    <Field label="Passphrase" error={form.formState.errors.passphrase?.message ?? null}>
      {(control) => <input {...control} {...form.register("passphrase")} className="input" type="password" autoComplete="current-password" autoFocus={!compact} />}
    </Field>
  );
  if (compact) {
    return (
      <div className="inline-vault-setup" role="group" aria-label="Unlock the vault">
        {passphrase}
        {error ? <Alert>{error.message}</Alert> : null}
        <div className="card-actions">
          <Button variant="primary" busy={withPassphrase.busy} onClick={() => void submit()}>
            Unlock
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form className="card vault-card" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card-title">Unlock the vault</h2>
      {reason ? <Alert tone="info">{reason}</Alert> : <p>Enter your passphrase to use the secrets the vault keeps.</p>}
      {passphrase}
      {error ? <Alert>{error.message}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={withPassphrase.busy} disabled={withKeychain.busy}>
          Unlock
        </Button>
        {keychainUnlockEnabled ? (
          <Button busy={withKeychain.busy} disabled={withPassphrase.busy} onClick={() => void withKeychain.run(unlockWithKeychain)}>
            Unlock with system keychain
          </Button>
        ) : null}
      </div>
    </form>
  );
}
