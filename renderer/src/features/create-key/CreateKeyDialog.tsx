/*
 * The create dialog, which then shows the new key once.
 * Protects against: the secret reaching the page unasked or outliving the dialog. The dialog holds
 * the key (public fields) and the handle of its secret; the secret itself is fetched only when the
 * user clicks Show, into the secret field's local state, and the whole flow unmounts when the
 * dialog closes, taking its DOM and state with it. Copy and "keep in vault" go to the main process
 * by handle. Does not protect against: someone reading the screen while the key is shown.
 */
import { useState } from "react";
import type { CreatedKeyView } from "../../../../shared/ipc/contract";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useSecretsStore } from "../secrets";
import { useVaultStore } from "../vault";
import { WorkspaceName } from "../workspaces";
import { useCreateKeyStore } from "./create-key-store";
import { CreateKeyForm } from "./CreateKeyForm";
import { RevealKeyView } from "./RevealKeyView";

export function CreateKeyDialog() {
  const open = useCreateKeyStore((state) => state.open);
  const session = useCreateKeyStore((state) => state.session);
  // Rendering nothing when closed unmounts the flow and, with it, every trace of the key.
  return open ? <CreateKeyFlow key={session} /> : null;
}

function CreateKeyFlow() {
  const prefill = useCreateKeyStore((state) => state.prefill);
  const closeDialog = useCreateKeyStore((state) => state.closeDialog);
  const finishReveal = useSecretsStore((state) => state.finish);
  const vaultUnlocked = useVaultStore((state) => state.status?.unlocked ?? false);
  const [created, setCreated] = useState<CreatedKeyView | null>(null);
  const [copied, setCopied] = useState(false);
  const [keepInVault, setKeepInVault] = useState(vaultUnlocked);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const finishing = useAsyncAction();
  const keeping = keepInVault && vaultUnlocked;

  const finish = async () => {
    if (!created) return;
    const done = await finishing.run(async () => {
      await finishReveal(created.handle, keeping);
      void useVaultStore.getState().loadStatus();
    });
    if (done) closeDialog();
    else setConfirmingClose(false);
  };

  const requestClose = () => {
    if (!created) return closeDialog();
    if (finishing.busy) return;
    if (!copied) return setConfirmingClose(true);
    void finish();
  };

  return (
    <Modal
      open
      onRequestClose={requestClose}
      context={<WorkspaceName />}
      title={created ? `Key created: ${created.key.name}` : "Create API Key"}
      description={created ? (keeping ? "Copy this key now. A copy is kept in your vault." : "Copy this key now. You won't be able to see it again.") : undefined}
      width="lg"
    >
      {created ? (
        <RevealKeyView
          created={created}
          copied={copied}
          onCopied={() => setCopied(true)}
          keepInVault={keeping}
          onKeepInVaultChange={setKeepInVault}
          confirmingClose={confirmingClose}
          onCancelClose={() => setConfirmingClose(false)}
          onStored={requestClose}
          onCloseAnyway={() => void finish()}
          finishing={finishing}
        />
      ) : (
        <CreateKeyForm
          prefill={prefill}
          onCancel={closeDialog}
          onCreated={(next) => {
            setKeepInVault(useVaultStore.getState().status?.unlocked ?? false);
            setCreated(next);
            void useVaultStore.getState().loadStatus();
          }}
        />
      )}
    </Modal>
  );
}
