/**
 * A key's details: every field, its revocation record, its lineage, its recent audit events, and
 * the actions that apply to it (edit, rotate, rescope, revoke). Opened by a click on a row or its
 * name, and from the row menu; a lineage link shows the other key in the same view.
 */
import { useRef, type ReactNode } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { rotatableKeyIds } from "../../../../shared/domain/rotation-policy";
import { StatusBadge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { useKeysStore } from "../inventory";
import { useRevokeStore } from "../revoke";
import { useRotationStore } from "../rotation";
import { WorkspaceName } from "../workspaces";
import { EditKeyForm } from "./EditKeyForm";
import { useKeyDetailsStore } from "./key-details-store";
import { KeyEvents } from "./KeyEvents";
import { KeyFacts } from "./KeyFacts";
import { KeyUsageSection } from "./KeyUsageSection";
import { Lineage } from "./Lineage";
import { RevocationRecord } from "./RevocationRecord";

/**
 * `extra` adds sections another feature owns (the app shell passes monitoring's findings), given
 * the key and a `close` to call before an action opens its own dialog.
 */
export type KeyDetailsExtra = (apiKey: ApiKey, close: () => void) => ReactNode;

export function KeyDetailsDialog({ extra }: { extra?: KeyDetailsExtra }) {
  const keyId = useKeyDetailsStore((state) => state.keyId);
  const session = useKeyDetailsStore((state) => state.session);
  const keys = useKeysStore((state) => state.keys);
  const apiKey = keyId ? keys.find((key) => key.id === keyId) : undefined;
  return apiKey ? <KeyDetails key={session} apiKey={apiKey} keys={keys} extra={extra} /> : null;
}

function KeyDetails({ apiKey, keys, extra }: { apiKey: ApiKey; keys: ApiKey[]; extra: KeyDetailsExtra | undefined }) {
  const close = useKeyDetailsStore((state) => state.close);
  const editing = useKeyDetailsStore((state) => state.editing);
  const setEditing = useKeyDetailsStore((state) => state.setEditing);
  const openWizard = useRotationStore((state) => state.openWizard);
  const rotating = useRotationStore((state) => state.byOldKeyId.has(apiKey.id) || state.byNewKeyId.has(apiKey.id));
  const openRevoke = useRevokeStore((state) => state.openFor);
  const rotatable = rotatableKeyIds(keys).has(apiKey.id);
  const closeButton = useRef<HTMLButtonElement>(null);
  const active = apiKey.status === "active";
  // The actions open their own dialogs: this one closes first, so only one dialog is ever open.
  const then = (action: () => void) => () => {
    close();
    action();
  };

  return (
    <Modal
      open
      onRequestClose={close}
      context={<WorkspaceName />}
      title={
        <span className="details-title">
          <span className="truncate">{apiKey.name}</span> <StatusBadge status={apiKey.status} />
        </span>
      }
      width="lg"
      initialFocus={closeButton}
      returnFocusTo={() => document.querySelector<HTMLElement>(`[data-key-id="${CSS.escape(apiKey.id)}"] .key-name-button`)}
    >
      <div className="key-details">
        {editing && active ? (
          <EditKeyForm apiKey={apiKey} onDone={() => setEditing(false)} />
        ) : (
          <div className="details-actions">
            {active ? (
              <>
                <Button size="sm" onClick={() => setEditing(true)}>
                  Edit name and description
                </Button>
                <Button size="sm" disabled={!rotatable && !rotating} onClick={then(() => openWizard(apiKey.id, "rotate"))}>
                  {rotating ? "Resume rotation" : "Rotate…"}
                </Button>
                <Button size="sm" disabled={!rotatable || rotating} onClick={then(() => openWizard(apiKey.id, "rescope"))}>
                  Rescope…
                </Button>
                <Button size="sm" variant="danger" onClick={then(() => openRevoke([apiKey.id]))}>
                  Revoke…
                </Button>
              </>
            ) : null}
          </div>
        )}
        <RevocationRecord apiKey={apiKey} />
        <KeyFacts apiKey={apiKey} rotatable={rotatable} />
        <Lineage apiKey={apiKey} />
        {extra?.(apiKey, close)}
        <KeyUsageSection keyId={apiKey.id} revision={[apiKey.lastUsedAt, apiKey.lastRefusedAt].join("\u0000")} />
        <KeyEvents keyId={apiKey.id} revision={[apiKey.name, apiKey.description, apiKey.status, apiKey.expiresAt, apiKey.replacedById].join("\u0000")} />
      </div>
      <footer className="modal-footer">
        <Button ref={closeButton} onClick={close}>
          Close
        </Button>
      </footer>
    </Modal>
  );
}
