/**
 * Turns keychain unlock on or off. When the OS offers no real keychain the switch is disabled and
 * says why: Keyward never falls back to a weaker store.
 */
import { useId, useState } from "react";
import type { VaultStatus } from "../../../../shared/ipc/contract";
import { errorMessage } from "../../ipc/errors";
import { useVaultStore } from "./vault-store";

export function KeychainToggle({ status }: { status: VaultStatus }) {
  const id = useId();
  const setKeychainUnlock = useVaultStore((state) => state.setKeychainUnlock);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const available = status.keychain.available;

  const toggle = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await setKeychainUnlock(enabled);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

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
        disabled={!available || busy}
        aria-describedby={`${id}-hint`}
        onChange={(event) => void toggle(event.target.checked)}
      />
      <div>
        <label htmlFor={`${id}-switch`} className="switch-label">
          Unlock with system keychain
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
