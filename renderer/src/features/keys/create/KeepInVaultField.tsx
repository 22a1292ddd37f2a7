/** The "Keep in vault" checkbox of a shown-once key, disabled with the reason while the vault can't take it. */
import { useId } from "react";
import { useVaultStore } from "../../vault/vault-store";

export function KeepInVaultField({ checked, onChange }: { checked: boolean; onChange: (keep: boolean) => void }) {
  const id = useId();
  const vault = useVaultStore((state) => state.status);
  const hint = !vault?.exists ? "Set up a vault to keep a copy" : !vault.unlocked ? "Unlock the vault to keep a copy" : "Encrypted on this computer; copy it again from the Vault screen later.";
  return (
    <div className="checkbox-row">
      <input type="checkbox" id={`${id}-keep`} checked={checked} disabled={!vault?.unlocked} aria-describedby={`${id}-keep-hint`} onChange={(event) => onChange(event.target.checked)} />
      <div>
        <label htmlFor={`${id}-keep`}>Keep in vault</label>
        <p className="field-hint" id={`${id}-keep-hint`}>
          {hint}
        </p>
      </div>
    </div>
  );
}
