/*
 * The create dialog, which also shows the new key once.
 * Protects against: the secret outliving the dialog in the renderer. It is held only in
 * CreateKeyFlow's local state (never a store, a global, a log, a title or an aria-label), set to
 * null on close, and the whole flow unmounts when the dialog closes, taking its DOM with it; copy
 * and "keep in vault" go to the main process by handle. Does not protect against: someone reading
 * the screen while the key is revealed, or what the user does with the clipboard.
 */
import { useState } from "react";
import type { RevealedKey } from "../../../../../shared/ipc/contract";
import { call, keyward } from "../../../ipc/keyward";
import { toUserError } from "../../../ipc/errors";
import { Modal } from "../../../ui/Modal";
import { useVaultStore } from "../../vault/vault-store";
import { useKeysStore } from "../keys-store";
import { useCreateDialogStore } from "./create-dialog-store";
import { CreateKeyForm } from "./CreateKeyForm";
import { RevealKeyView } from "./RevealKeyView";

export function CreateKeyDialog() {
  const open = useCreateDialogStore((state) => state.open);
  const session = useCreateDialogStore((state) => state.session);
  // Rendering nothing when closed unmounts the flow and, with it, every trace of the secret.
  return open ? <CreateKeyFlow key={session} /> : null;
}

function CreateKeyFlow() {
  const prefill = useCreateDialogStore((state) => state.prefill);
  const closeDialog = useCreateDialogStore((state) => state.closeDialog);
  const refreshKeys = useKeysStore((state) => state.refresh);
  const vaultUnlocked = useVaultStore((state) => state.status?.unlocked ?? false);
  const reloadVault = useVaultStore((state) => state.loadStatus);

  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [keepInVault, setKeepInVault] = useState(vaultUnlocked);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [finishError, setFinishError] = useState<string | null>(null);

  const forgetAndClose = () => {
    setRevealed(null);
    closeDialog();
  };

  const finish = async (handle: string) => {
    setFinishing(true);
    setFinishError(null);
    try {
      await call(keyward().keys.finishReveal({ handle, keepInVault: keepInVault && vaultUnlocked }));
      void reloadVault();
      forgetAndClose();
    } catch (error) {
      const { code, message } = toUserError(error);
      // The main process has already forgotten the secret: nothing is left to keep, so close.
      if (code === "secret_gone") return forgetAndClose();
      setFinishError(message);
      setFinishing(false);
      setConfirmingClose(false);
    }
  };

  const requestClose = () => {
    if (!revealed) return closeDialog();
    if (finishing) return;
    if (!copied) return setConfirmingClose(true);
    void finish(revealed.handle);
  };

  const onCreated = (next: RevealedKey) => {
    setKeepInVault(useVaultStore.getState().status?.unlocked ?? false);
    setRevealed(next);
    void reloadVault();
    void refreshKeys();
  };

  return (
    <Modal
      open
      onRequestClose={requestClose}
      title={revealed ? `Key created: ${revealed.key.name}` : "Create API Key"}
      description={revealed ? "Copy this key now. You won't be able to see it again." : undefined}
      width="lg"
    >
      {revealed ? (
        <RevealKeyView
          revealed={revealed}
          copied={copied}
          onCopied={() => setCopied(true)}
          keepInVault={keepInVault && vaultUnlocked}
          onKeepInVaultChange={setKeepInVault}
          confirmingClose={confirmingClose}
          onCancelClose={() => setConfirmingClose(false)}
          onStored={requestClose}
          onCloseAnyway={() => void finish(revealed.handle)}
          finishing={finishing}
          finishError={finishError}
        />
      ) : (
        <CreateKeyForm prefill={prefill} onCancel={closeDialog} onCreated={onCreated} />
      )}
    </Modal>
  );
}
