/** The vault's state in the top bar: a link to the vault screen when locked, "Lock now" when unlocked. */
import { useState } from "react";
import { hrefFor } from "../../app/route-store";
import { Button } from "../../ui/Button";
import { LockIcon, UnlockIcon } from "../../ui/icons";
import { useVaultStore } from "./vault-store";

export function VaultIndicator() {
  const status = useVaultStore((state) => state.status);
  const lock = useVaultStore((state) => state.lock);
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  if (!status.unlocked) {
    // Named "Vault locked", not "Unlock…", so the vault screen's own "Unlock" button stays the only one.
    return (
      <a className="vault-chip vault-chip-locked" href={hrefFor("vault")}>
        <LockIcon />
        {status.exists ? "Vault locked" : "Set up vault"}
      </a>
    );
  }
  return (
    <div className="vault-chip vault-chip-unlocked">
      <UnlockIcon />
      <span>Vault unlocked</span>
      <Button
        size="sm"
        busy={busy}
        onClick={() => {
          setBusy(true);
          // A failed lock leaves the indicator as it was; the next vault.changed event corrects it.
          lock()
            .catch(() => undefined)
            .finally(() => setBusy(false));
        }}
      >
        Lock now
      </Button>
    </div>
  );
}
