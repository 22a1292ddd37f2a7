/**
 * The shown-once view. It receives the secret as a prop from CreateKeyFlow and keeps no copy: the
 * masked form is built from the key's public display form, and copying goes through the main
 * process by handle (the renderer never writes the clipboard).
 */
import { useId, useState } from "react";
import type { RevealedKey } from "../../../../../shared/ipc/contract";
import { errorMessage } from "../../../ipc/errors";
import { Alert } from "../../../ui/Alert";
import { Button } from "../../../ui/Button";
import { CheckIcon, CopyIcon, EyeIcon, EyeOffIcon } from "../../../ui/icons";
import { useClipboardStore } from "../../clipboard/clipboard-store";
import { useSecondsLeft } from "../../clipboard/useSecondsLeft";
import { useVaultStore } from "../../vault/vault-store";
import { CloseWithoutCopyingConfirm } from "./CloseWithoutCopyingConfirm";

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

/** "uo_live_Ab12Cd…9xYz" becomes "uo_live_Ab12Cd••••…••9xYz": the public parts, never the secret's. */
function maskedForm(display: string): string {
  const [head = display, tail = ""] = display.split("…");
  return `${head}${"•".repeat(26)}${tail}`;
}

export function RevealKeyView(props: RevealKeyViewProps) {
  const { revealed, copied, keepInVault, confirmingClose, finishing, finishError } = props;
  const id = useId();
  const [shown, setShown] = useState(false);
  const [copying, setCopying] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const copySecret = useClipboardStore((state) => state.copySecret);
  const clearsAt = useClipboardStore((state) => state.clearsAt);
  const secondsLeft = useSecondsLeft(clearsAt);
  const vault = useVaultStore((state) => state.status);

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

  const vaultHint = !vault?.exists ? "Set up a vault to keep a copy" : !vault.unlocked ? "Unlock the vault to keep a copy" : "Encrypted on this computer; copy it again from the Vault screen later.";

  return (
    <div className="reveal">
      <div className="secret-block">
        <div className="secret-field">
          <code className="secret-value" id={`${id}-secret`} data-masked={!shown || undefined}>
            {shown ? revealed.secret : maskedForm(revealed.key.display)}
          </code>
          <div className="secret-actions">
            <Button size="sm" variant="ghost" aria-pressed={shown} onClick={() => setShown(!shown)}>
              {shown ? <EyeOffIcon /> : <EyeIcon />}
              {shown ? "Hide" : "Reveal"}
            </Button>
            <Button size="sm" variant="primary" busy={copying} onClick={() => void copy()}>
              {copying ? null : <CopyIcon />}
              Copy
            </Button>
          </div>
        </div>
        <p className="copy-status" role="status">
          {copied ? (
            <>
              <CheckIcon className="copy-status-icon" />
              {secondsLeft !== null ? `Copied – clears in ${secondsLeft} s` : "Copied – the clipboard has been cleared"}
            </>
          ) : null}
        </p>
      </div>
      {copyError ? <Alert>{copyError}</Alert> : null}

      <div className="checkbox-row">
        <input
          type="checkbox"
          id={`${id}-keep`}
          checked={keepInVault}
          disabled={!vault?.unlocked}
          aria-describedby={`${id}-keep-hint`}
          onChange={(event) => props.onKeepInVaultChange(event.target.checked)}
        />
        <div>
          <label htmlFor={`${id}-keep`}>Keep in vault</label>
          <p className="field-hint" id={`${id}-keep-hint`}>
            {vaultHint}
          </p>
        </div>
      </div>

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
