/**
 * "Keep in vault" for a shown-once key. Without a vault (or with a locked one), the way to set it
 * up (or unlock it) is right here, in the dialog: leaving the dialog would lose the key.
 */
import { useId, useState } from "react";
import { Button } from "../../ui/Button";
import { CreateVaultForm } from "./CreateVaultForm";
import { UnlockVaultForm } from "./UnlockVaultForm";
import { useVaultStore } from "./vault-store";

export function KeepInVaultField({ checked, onChange }: { checked: boolean; onChange: (keep: boolean) => void }) {
  const id = useId();
  const vault = useVaultStore((state) => state.status);
  const [opening, setOpening] = useState(false);
  const ready = vault?.unlocked ?? false;
  const hint = !vault?.exists
    ? "There is no vault yet: set one up here to keep an encrypted copy on this computer."
    : !vault.unlocked
      ? "The vault is locked: unlock it here to keep a copy."
      : "Encrypted on this computer; copy it again from the Vault screen later.";
  return (
    <div className="keep-in-vault">
      <div className="checkbox-row">
        <input type="checkbox" id={`${id}-keep`} checked={checked && ready} disabled={!ready} aria-describedby={`${id}-keep-hint`} onChange={(event) => onChange(event.target.checked)} />
        <div>
          <label htmlFor={`${id}-keep`}>Keep in vault</label>
          <p className="field-hint" id={`${id}-keep-hint`}>
            {hint}
          </p>
          {!ready && !opening ? (
            <Button size="sm" onClick={() => setOpening(true)}>
              {vault?.exists ? "Unlock vault…" : "Set up vault…"}
            </Button>
          ) : null}
        </div>
      </div>
      {!ready && opening ? (
        vault?.exists ? (
          <UnlockVaultForm compact keychainUnlockEnabled={false} />
        ) : (
          <CreateVaultForm
            compact
            onCreated={() => {
              setOpening(false);
              onChange(true);
            }}
          />
        )
      ) : null}
    </div>
  );
}
