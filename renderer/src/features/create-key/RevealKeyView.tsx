/**
 * The shown-once view: the masked key with Show and Copy (the dialog opens on Copy), "keep in vault",
 * and the way out. It holds no secret itself: SecretField asks for it when the user clicks Show.
 */
import type { CreatedKeyView } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import type { AsyncAction } from "../../ui/useAsyncAction";
import { useClipboardStore } from "../clipboard";
import { NewKeySecret, useDropReason } from "../secrets";
import { KeepInVaultField } from "../vault";
import { CloseWithoutCopyingConfirm } from "./CloseWithoutCopyingConfirm";

type RevealKeyViewProps = {
  created: CreatedKeyView;
  copied: boolean;
  onCopied: () => void;
  keepInVault: boolean;
  onKeepInVaultChange: (keep: boolean) => void;
  confirmingClose: boolean;
  onCancelClose: () => void;
  onStored: () => void;
  onCloseAnyway: () => void;
  finishing: AsyncAction;
};

const GONE: Record<string, string> = {
  expired: "The time Keyward holds a new key's secret is up: it can no longer be shown, copied or kept. If it was not stored anywhere, revoke this key and create another.",
  locked: "The vault locked, and Keyward dropped the key's secret with it: it can no longer be shown, copied or kept. If it was not stored anywhere, revoke this key and create another.",
};

export function RevealKeyView(props: RevealKeyViewProps) {
  const { created, copied, keepInVault, confirmingClose, finishing } = props;
  const copySecret = useClipboardStore((state) => state.copySecret);
  const dropped = useDropReason(created.handle);

  return (
    <div className="reveal">
      {dropped && GONE[dropped] ? (
        <Alert tone="warning">{GONE[dropped]}</Alert>
      ) : (
        <NewKeySecret
          created={created}
          copied={copied}
          onCopy={async () => {
            await copySecret(created.handle);
            props.onCopied();
          }}
        />
      )}

      {dropped ? null : <KeepInVaultField checked={keepInVault} onChange={props.onKeepInVaultChange} />}

      <p className="reveal-advice">Store it where the integration reads its secrets (an environment variable or a secrets manager), never in source code.</p>
      {finishing.error ? <Alert>{finishing.error.message}</Alert> : null}

      {confirmingClose ? (
        <CloseWithoutCopyingConfirm keptInVault={keepInVault} busy={finishing.busy} onGoBack={props.onCancelClose} onCloseAnyway={props.onCloseAnyway} />
      ) : (
        <footer className="modal-footer">
          <Button variant="primary" busy={finishing.busy} onClick={props.onStored}>
            I have stored it
          </Button>
        </footer>
      )}
    </div>
  );
}
