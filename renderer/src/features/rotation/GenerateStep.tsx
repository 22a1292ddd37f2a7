/*
 * Step 1: generate the successor and show it once.
 * Protects against: the new secret outliving this step in the renderer. It is held only in this
 * component's local state (never a store, a global, a log, a title or an aria-label); the wizard
 * unmounts this step when it moves to step 2 and when it closes, taking the secret and its DOM
 * with it. Copy and "keep in vault" go to the main process by the rotation's old key id.
 */
import { useState } from "react";
import type { ApiKey, Scope } from "../../../../shared/api/schemas";
import type { RevealedKey, Rotation } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { Alert } from "../../ui/Alert";
import { ScopeBadge, scopeLabel } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { navigate } from "../../app/route-store";
import { useClipboardStore } from "../clipboard/clipboard-store";
import { KeepInVaultField } from "../keys/create/KeepInVaultField";
import { ScopeRadioCards } from "../keys/create/ScopeRadioCards";
import { CopyStatus, SecretField } from "../keys/create/SecretField";
import { useRotationStore, type WizardMode } from "./rotation-store";
import { useAsyncAction } from "./useAsyncAction";

type GenerateStepProps = {
  oldKey: ApiKey;
  mode: WizardMode;
  /** The rotation once this step has started it. */
  rotation: Rotation | null;
  keepInVault: boolean;
  onKeepInVaultChange: (keep: boolean) => void;
  onStarting: () => void;
  onStartFailed: () => void;
  onStarted: (rotation: Rotation) => void;
  /** Leaves step 1 (storing the secret in the vault if asked); throws what the main process refused. */
  onNext: () => Promise<void>;
  onCancel: () => void;
  /** Why closing failed (keeping the new key in the vault on the way out). */
  closeError: string | null;
};

export function GenerateStep(props: GenerateStepProps) {
  const { oldKey, mode, rotation } = props;
  // Rescoping starts from the narrowest scope: the nudge the whole app gives.
  const [scope, setScope] = useState<Scope>("read");
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const generating = useAsyncAction();
  const copying = useAsyncAction();
  const next = useAsyncAction();
  const copyRotationKey = useClipboardStore((state) => state.copyRotationKey);

  const generate = () =>
    generating.run(async () => {
      props.onStarting();
      try {
        const started = await call(keyward().rotation.start({ keyId: oldKey.id, ...(mode === "rescope" ? { scope } : {}) }));
        props.onStarted(started.rotation);
        setRevealed(started.revealed);
      } catch (failure) {
        props.onStartFailed();
        // Already being rotated (from another window, or before the list arrived): the wizard resumes it.
        void useRotationStore.getState().load();
        throw failure;
      }
    });

  const copy = (oldKeyId: string) =>
    copying.run(async () => {
      await copyRotationKey(oldKeyId);
      setCopied(true);
    });

  if (!rotation || !revealed) {
    return (
      <div className="wizard-step">
        <p className="revoke-key-line">
          <span className="truncate">{oldKey.name}</span>
          <ScopeBadge scope={oldKey.scope} />
          <code className="key-display">{oldKey.display}</code>
        </p>
        {mode === "rescope" ? (
          <>
            <p>This key has {scopeLabel(oldKey.scope)} now. Choose the scope of its successor: the narrowest one that does the job is preselected.</p>
            <ScopeRadioCards value={scope} onChange={setScope} current={oldKey.scope} />
          </>
        ) : null}
        <div className="wizard-explainer">
          <p>
            {mode === "rescope"
              ? `A new key with the same name and the scope chosen above (${scopeLabel(scope)}) is created. The old key keeps working until you revoke it in step 4.`
              : "A new key with the same name and scope is created. The old key keeps working until you revoke it in step 4."}
          </p>
          <p className="muted">It is shown once; you copy it into the integration in step 2.</p>
        </div>
        {generating.error ? (
          <Alert
            action={
              generating.error.code === "vault_locked" ? (
                <Button
                  size="sm"
                  onClick={() => {
                    props.onCancel();
                    navigate("vault");
                  }}
                >
                  Open Vault
                </Button>
              ) : undefined
            }
          >
            {generating.error.message}
          </Alert>
        ) : null}
        <footer className="modal-footer">
          <Button onClick={props.onCancel}>Cancel</Button>
          <Button variant="primary" busy={generating.busy} onClick={() => void generate()}>
            Generate new key
          </Button>
        </footer>
      </div>
    );
  }

  const rescoped = rotation.scope !== rotation.previousScope;
  return (
    <div className="wizard-step reveal">
      <p>
        <strong>Copy the new key now.</strong> It is shown once{rotation.vaultEntryId === null ? "; keep it in the vault to copy it again later" : ""}.
        {rescoped ? (
          <>
            {" "}
            Its scope is <ScopeBadge scope={rotation.scope} /> (was {scopeLabel(rotation.previousScope)}).
          </>
        ) : null}
      </p>
      <div className="secret-block">
        <SecretField secret={revealed.secret} display={revealed.key.display} copying={copying.busy} onCopy={() => void copy(rotation.oldKeyId)} />
        <CopyStatus copied={copied} />
      </div>
      {copying.error ? <Alert>{copying.error.message}</Alert> : null}
      {rotation.vaultEntryId === null ? (
        <KeepInVaultField checked={props.keepInVault} onChange={props.onKeepInVaultChange} />
      ) : (
        <Alert tone="info">The vault entry of this key now holds the new key; the old one is kept as history until the old key is revoked.</Alert>
      )}
      {next.error ? <Alert>{next.error.message}</Alert> : props.closeError ? <Alert>{props.closeError}</Alert> : null}
      <footer className="modal-footer">
        <Button variant="primary" busy={next.busy} onClick={() => void next.run(props.onNext)}>
          Next
        </Button>
      </footer>
    </div>
  );
}
