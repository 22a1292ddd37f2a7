/**
 * A new key's secret in the dialog that made it: masked, Show on request, Copy (focused when it
 * appears: the safe action everybody takes next), and the copy's countdown. Shared by the create
 * dialog and the rotation wizard; each copies through its own store action.
 * Protects against: the secret reaching the page unasked (SecretField fetches it on Show only).
 * Does not protect against: someone reading the screen while it is shown.
 */
import { useEffect, useRef } from "react";
import type { CreatedKeyView } from "../../../../shared/ipc/contract";
import { SecretField } from "../../ui/SecretField";
import { CopyStatus } from "../clipboard";
import { useSecretsStore } from "./secrets-store";

type NewKeySecretProps = { created: CreatedKeyView; copied: boolean; onCopy: () => Promise<void> };

export function NewKeySecret({ created, copied, onCopy }: NewKeySecretProps) {
  const reveal = useSecretsStore((state) => state.reveal);
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => copyButton.current?.focus(), []);
  return (
    <div className="secret-block">
      <SecretField display={created.key.display} copyRef={copyButton} onReveal={() => reveal(created.handle)} onCopy={onCopy} />
      <CopyStatus copied={copied} />
    </div>
  );
}
