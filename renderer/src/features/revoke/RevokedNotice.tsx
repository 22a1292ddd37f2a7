/** Shown above the table after a revocation. For a compromised key: the guide's next step, a replacement. */
import { scopeLabel } from "../../../../shared/domain/scopes";
import { Button } from "../../ui/Button";
import { keyCount } from "../../ui/format";
import { CloseIcon } from "../../ui/icons";
import { useCreateKeyStore } from "../create-key";
import { useRevokeStore } from "./revoke-store";

export function RevokedNotice() {
  const notice = useRevokeStore((state) => state.notice);
  const dismiss = useRevokeStore((state) => state.dismissNotice);
  const openCreate = useCreateKeyStore((state) => state.openDialog);
  if (!notice) return null;
  const { keys, failed, offerReplacement } = notice;
  const single = keys.length === 1 ? keys[0]! : null;
  const replaceable = offerReplacement && single;

  return (
    <div className={`notice ${failed.length > 0 || replaceable ? "notice-warning" : "notice-success"}`} role="status">
      <div className="notice-body">
        <strong className="truncate">{single ? `${single.name} is revoked.` : `${keyCount(keys.length)} revoked.`}</strong>{" "}
        {replaceable ? (
          <span>Generate a replacement with the same scope ({scopeLabel(single.scope)})? Then update the affected application with it.</span>
        ) : (
          <span>Applications still using {single ? "it" : "them"} now get authentication errors.</span>
        )}
        {failed.length > 0 ? <span> {keyCount(failed.length)} could not be revoked: {failed.map((item) => item.message).join(" ")}</span> : null}
      </div>
      <div className="notice-actions">
        {replaceable ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => {
              dismiss();
              openCreate({ name: single.name, description: single.description, scope: single.scope });
            }}
          >
            Generate replacement
          </Button>
        ) : null}
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
          <CloseIcon />
        </button>
      </div>
    </div>
  );
}
