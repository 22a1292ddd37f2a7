/** Unlocks the vault with the passphrase, or with the OS keychain when the user turned that on. */
import { useState, type FormEvent } from "react";
import { errorMessage } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useVaultStore, type LockReason } from "./vault-store";

const LOCK_REASONS: Partial<Record<LockReason, string>> = {
  idle: "Vault locked (idle): nothing happened in Keyward for a while.",
  suspend: "Vault locked because the computer went to sleep.",
  screen_lock: "Vault locked because the screen was locked.",
};

export function UnlockVaultForm({ keychainUnlockEnabled }: { keychainUnlockEnabled: boolean }) {
  const unlock = useVaultStore((state) => state.unlock);
  const unlockWithKeychain = useVaultStore((state) => state.unlockWithKeychain);
  const lockReason = useVaultStore((state) => state.lockReason);
  const [passphrase, setPassphrase] = useState("");
  const [busy, setBusy] = useState<"passphrase" | "keychain" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (how: "passphrase" | "keychain") => {
    setBusy(how);
    setError(null);
    try {
      await (how === "passphrase" ? unlock(passphrase) : unlockWithKeychain());
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt("passphrase");
  };

  const reason = lockReason ? LOCK_REASONS[lockReason] : undefined;
  return (
    <form className="card vault-card" onSubmit={submit} noValidate>
      <h2 className="card-title">Unlock the vault</h2>
      {reason ? <Alert tone="info">{reason}</Alert> : <p>Enter your passphrase to use the secrets the vault keeps.</p>}
      <Field label="Passphrase">
        {(control) => <input {...control} className="input" type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={busy === "passphrase"} disabled={busy === "keychain"}>
          Unlock
        </Button>
        {keychainUnlockEnabled ? (
          // Not "Unlock with…": a second button whose name contains "Unlock" would make "Unlock" ambiguous.
          <Button busy={busy === "keychain"} disabled={busy === "passphrase"} onClick={() => void attempt("keychain")}>
            Use system keychain
          </Button>
        ) : null}
      </div>
    </form>
  );
}
