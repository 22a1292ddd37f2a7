/**
 * Turns keychain unlock on or off. When the OS offers no real keychain the switch is disabled and
 * says why: Keyward never falls back to a weaker store. Turning it off asks for the passphrase:
 * the vault gets a new key, so the keychain's copy opens nothing any more.
 * Protects against: a walk-up user turning keychain unlock off to hide their tracks (it needs the
 * passphrase). Does not protect against: anyone who knows the passphrase.
 */
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { Passphrase, type VaultStatus } from "../../../../shared/ipc/contract";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore } from "./vault-store";

export function KeychainToggle({ status }: { status: VaultStatus }) {
  const id = useId();
  const setKeychainUnlock = useVaultStore((state) => state.setKeychainUnlock);
  const turningOn = useAsyncAction();
  const [askingToTurnOff, setAskingToTurnOff] = useState(false);
  const available = status.keychain.available;

  const hint = available
    ? "The OS keychain keeps a copy of the vault key, guarded by your login. Anyone who can use your account can then open the vault."
    : `Not available. ${(status.keychain.reason ?? "This system offers no secure keychain").replace(/\.?$/, ".")}`;
  return (
    <div className="switch-row">
      <input
        type="checkbox"
        role="switch"
        id={`${id}-switch`}
        className="switch"
        checked={status.keychainUnlockEnabled}
        disabled={!available || turningOn.busy}
        aria-describedby={`${id}-hint`}
        onChange={(event) => (event.target.checked ? void turningOn.run(() => setKeychainUnlock(true)) : setAskingToTurnOff(true))}
      />
      <div>
        <label htmlFor={`${id}-switch`} className="switch-label">
          Unlock with system keychain
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
        {turningOn.error ? (
          <p className="field-error" role="alert">
            {turningOn.error.message}
          </p>
        ) : null}
      </div>
      {askingToTurnOff ? <TurnOffKeychainDialog onClose={() => setAskingToTurnOff(false)} /> : null}
    </div>
  );
}

const TurnOffForm = z.object({ passphrase: Passphrase });

function TurnOffKeychainDialog({ onClose }: { onClose: () => void }) {
  const setKeychainUnlock = useVaultStore((state) => state.setKeychainUnlock);
  const saving = useAsyncAction();
  const form = useZodForm(TurnOffForm, { passphrase: "" });
  const field = useRef<HTMLInputElement | null>(null);
  const { ref, ...passphrase } = form.register("passphrase");
  const submit = form.handleSubmit(async ({ passphrase: value }) => {
    if (await saving.run(() => setKeychainUnlock(false, value))) onClose();
  });
  return (
    <Modal open onRequestClose={onClose} title="Turn off keychain unlock" initialFocus={field} description="The vault gets a new encryption key, so the copy in the OS keychain opens nothing any more. Enter the passphrase to do it.">
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Passphrase" error={form.formState.errors.passphrase?.message ?? null}>
          {(control) => (
            <input
              {...control}
              {...passphrase}
              ref={(element) => {
                ref(element);
                field.current = element;
              }}
              className="input"
              type="password"
              autoComplete="current-password"
            />
          )}
        </Field>
        <FormFooter action={saving} submitLabel="Turn off" onCancel={onClose} />
      </form>
    </Modal>
  );
}
