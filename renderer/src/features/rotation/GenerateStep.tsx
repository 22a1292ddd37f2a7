/*
 * Step 1: generate the successor, then show it once.
 * Protects against: the new secret reaching the page unasked or outliving this step. The step
 * holds the new key's handle; the secret is fetched only when the user clicks Show, into the secret
 * field's local state, and goes with the step when the wizard moves on or closes. Copy and "keep
 * in vault" go to the main process by the rotation's old key id.
 */
import { useState } from "react";
import type { ApiKey, Scope } from "../../../../shared/api/schemas";
import { scopeLabel } from "../../../../shared/domain/scopes";
import type { CreatedKeyView, Rotation } from "../../../../shared/ipc/contract";
import { navigate } from "../../navigation/route-store";
import { Alert } from "../../ui/Alert";
import { ScopeBadge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { KeyLine } from "../../ui/KeyLine";
import { ScopeRadioCards } from "../../ui/ScopeRadioCards";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useClipboardStore } from "../clipboard";
import { NewKeySecret, useDropReason } from "../secrets";
import { KeepInVaultField } from "../vault";
import { useRotationStore, type WizardMode } from "./rotation-store";
import { SecretGoneNotice } from "./SecretGoneNotice";

type GenerateStepProps = {
  oldKey: ApiKey;
  mode: WizardMode;
  /** Set by the wizard once the rotation started here, with the new key's handle. */
  started: { rotation: Rotation; created: CreatedKeyView } | null;
  onStarted: (started: { rotation: Rotation; created: CreatedKeyView }) => void;
  keepInVault: boolean;
  onKeepInVaultChange: (keep: boolean) => void;
  /** Leaves step 1 (keeping the secret in the vault if asked); throws what the main process refused. */
  onNext: () => Promise<void>;
  onCancel: () => void;
  onCancelRotation: () => void;
  /** Why closing failed (keeping the new key in the vault on the way out). */
  closeError: string | null;
};

export function GenerateStep(props: GenerateStepProps) {
  const { oldKey, mode, started } = props;
  return started ? <ShowNewKey {...props} started={started} /> : <GenerateForm oldKey={oldKey} mode={mode} onStarted={props.onStarted} onCancel={props.onCancel} />;
}

function GenerateForm({ oldKey, mode, onStarted, onCancel }: Pick<GenerateStepProps, "oldKey" | "mode" | "onStarted" | "onCancel">) {
  // Rescoping starts from a finding's suggestion, else from the narrowest scope: the nudge the whole app gives.
  const suggested = useRotationStore((state) => state.wizard?.suggestedScope ?? null);
  const [scope, setScope] = useState<Scope>(suggested ?? "read");
  const start = useRotationStore((state) => state.start);
  const generating = useAsyncAction();
  const generate = () =>
    generating.run(async () => {
      try {
        onStarted(await start(oldKey.id, mode === "rescope" ? scope : undefined));
      } catch (failure) {
        // Already being rotated (from another window, or before the list arrived): the wizard resumes it.
        void useRotationStore.getState().load();
        throw failure;
      }
    });
  return (
    <div className="wizard-step">
      <KeyLine name={oldKey.name} display={oldKey.display}>
        <ScopeBadge scope={oldKey.scope} />
      </KeyLine>
      {mode === "rescope" ? (
        <>
          <p>
            This key has {scopeLabel(oldKey.scope)} now. Choose the scope of its successor:{" "}
            {suggested ? `${scopeLabel(suggested)} is preselected, since it covers everything the key did recently.` : "the narrowest one that does the job is preselected."}
          </p>
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
                  onCancel();
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
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" busy={generating.busy} onClick={() => void generate()}>
          Generate new key
        </Button>
      </footer>
    </div>
  );
}

function ShowNewKey(props: GenerateStepProps & { started: { rotation: Rotation; created: CreatedKeyView } }) {
  const { rotation: startedRotation, created } = props.started;
  // The rotation as the main process now tells it (vault entry, whether the secret is still held).
  const rotation = useRotationStore((state) => state.byOldKeyId.get(startedRotation.oldKeyId)) ?? startedRotation;
  const copyRotationKey = useClipboardStore((state) => state.copyRotationKey);
  const dropped = useDropReason(created.handle);
  const [copied, setCopied] = useState(false);
  const next = useAsyncAction();
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
      {dropped && rotation.vaultEntryId === null ? (
        <SecretGoneNotice onCancelRotation={props.onCancelRotation} />
      ) : (
        <NewKeySecret
          created={created}
          copied={copied}
          onCopy={async () => {
            await copyRotationKey(rotation.oldKeyId);
            setCopied(true);
          }}
        />
      )}
      {rotation.vaultEntryId === null ? (
        dropped ? null : <KeepInVaultField checked={props.keepInVault} onChange={props.onKeepInVaultChange} />
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
