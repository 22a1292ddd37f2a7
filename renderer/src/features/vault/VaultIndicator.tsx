/** The vault's state in the top bar: a link to the vault screen when locked, "Lock now" when unlocked. */
import { hrefFor } from "../../navigation/route-store";
import { Button } from "../../ui/Button";
import { LockIcon, UnlockIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore } from "./vault-store";

export function VaultIndicator() {
  const status = useVaultStore((state) => state.status);
  const lock = useVaultStore((state) => state.lock);
  const locking = useAsyncAction();
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
      {/* A failed lock leaves the indicator as it was; the next vault.changed event corrects it. */}
      <Button size="sm" busy={locking.busy} onClick={() => void locking.run(lock)}>
        Lock now
      </Button>
    </div>
  );
}
