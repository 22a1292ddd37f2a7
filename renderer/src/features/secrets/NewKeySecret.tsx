/**
 * A new key's secret in the dialog that made it: masked, Show on request, Copy (which the dialog
 * focuses first), and the copy's countdown. Shared by the create dialog and the rotation wizard.
 * Protects against: the secret reaching the page unasked (SecretField fetches it on Show only).
 * Does not protect against: someone reading the screen while it is shown.
 */
import type { Ref } from "react";
import { SecretField } from "../../ui/SecretField";
import { CopyStatus } from "../clipboard";
import { useSecretsStore } from "./secrets-store";

type NewKeySecretProps = { handle: string; display: string; copied: boolean; onCopy: () => Promise<void>; copyRef?: Ref<HTMLButtonElement> };

export function NewKeySecret({ handle, display, copied, onCopy, copyRef }: NewKeySecretProps) {
  const reveal = useSecretsStore((state) => state.reveal);
  return (
    <div className="secret-block">
      <SecretField display={display} copyRef={copyRef} onReveal={() => reveal(handle)} onCopy={onCopy} />
      <CopyStatus copied={copied} />
    </div>
  );
}
