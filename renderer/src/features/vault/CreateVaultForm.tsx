/** Sets up the vault with a new passphrase, after saying plainly that a forgotten one cannot be recovered. */
import { useState, type FormEvent } from "react";
import { errorMessage } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useVaultStore } from "./vault-store";

const MIN_LENGTH = 10;

export function CreateVaultForm() {
  const create = useVaultStore((state) => state.create);
  const [passphrase, setPassphrase] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== confirmation) {
      setMismatch(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await create(passphrase);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form className="card vault-card" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card-title">Set up your vault</h2>
      <p>
        The vault keeps the secrets of keys you choose to keep and the admin tokens of remote workspaces. It is encrypted with a key derived from your passphrase
        (Argon2id) and never leaves this computer.
      </p>
      <Alert tone="warning">
        <strong>Keyward cannot recover a forgotten passphrase.</strong> Nobody can: without it, what the vault holds is lost. Keep it in your password manager.
      </Alert>
      <Field label="Passphrase" hint={`At least ${MIN_LENGTH} characters. A few unrelated words are easier to remember than symbols.`}>
        {(control) => <input {...control} className="input" type="password" autoComplete="new-password" autoFocus value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
      </Field>
      {/* Labelled "Confirm", not "Confirm passphrase": a label containing "Passphrase" would make that label ambiguous. */}
      <Field label="Confirm" hint="Type the passphrase again." error={mismatch ? "The two passphrases differ." : null}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => {
              setConfirmation(event.target.value);
              setMismatch(false);
            }}
          />
        )}
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Create vault
        </Button>
      </div>
    </form>
  );
}
