/**
 * The shown-once view. It receives the secret as a prop from CreateKeyFlow and keeps no copy: the
 * masked form is built from the key's public display form, and copying goes through the main
 * process by handle (the renderer never writes the clipboard).
 */
import { useState } from "react";
import type { RevealedKey } from "../../../../../shared/ipc/contract";
import { errorMessage } from "../../../ipc/errors";
import { Alert } from "../../../ui/Alert";
import { Button } from "../../../ui/Button";
import { useClipboardStore } from "../../clipboard/clipboard-store";
import { CloseWithoutCopyingConfirm } from "./CloseWithoutCopyingConfirm";
import { KeepInVaultField } from "./KeepInVaultField";
import { CopyStatus, SecretField } from "./SecretField";

type RevealKeyViewProps = {
  revealed: RevealedKey;
  copied: boolean;
  onCopied: () => void;
  keepInVault: boolean;
  onKeepInVaultChange: (keep: boolean) => void;
  confirmingClose: boolean;
  onCancelClose: () => void;
  onStored: () => void;
  onCloseAnyway: () => void;
  finishing: boolean;
  finishError: string | null;
};

export function RevealKeyView(props: RevealKeyViewProps) {
  const { revealed, copied, keepInVault, confirmingClose, finishing, finishError } = props;
  const [copying, setCopying] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const copySecret = useClipboardStore((state) => state.copySecret);

  const copy = async () => {
    setCopying(true);
    setCopyError(null);
    try {
      await copySecret(revealed.handle);
      props.onCopied();
    } catch (error) {
      setCopyError(errorMessage(error));
    } finally {
      setCopying(false);
    }
  };

  return (
    <div className="reveal">
      <div className="secret-block">
        <SecretField secret={revealed.secret} display={revealed.key.display} copying={copying} onCopy={() => void copy()} />
        <CopyStatus copied={copied} />
      </div>
      {copyError ? <Alert>{copyError}</Alert> : null}

      <KeepInVaultField checked={keepInVault} onChange={props.onKeepInVaultChange} />

      <p className="reveal-advice">Store it where the integration reads its secrets (an environment variable or a secrets manager), never in source code.</p>
      {finishError ? <Alert>{finishError}</Alert> : null}

      {confirmingClose ? (
        <CloseWithoutCopyingConfirm busy={finishing} onGoBack={props.onCancelClose} onCloseAnyway={props.onCloseAnyway} />
      ) : (
        <footer className="modal-footer">
          <Button variant="primary" busy={finishing} onClick={props.onStored}>
            I have stored it
          </Button>
        </footer>
      )}
    </div>
  );
}
