/** Shown above the table after a revocation. For a compromised key: the guide's next step, a replacement. */
import { scopeLabel } from "../../../ui/Badge";
import { Button } from "../../../ui/Button";
import { CloseIcon } from "../../../ui/icons";
import { useCreateDialogStore } from "../create/create-dialog-store";
import { useRevokeStore } from "./revoke-store";

export function RevokedNotice() {
  const notice = useRevokeStore((state) => state.notice);
  const dismiss = useRevokeStore((state) => state.dismissNotice);
  const openCreate = useCreateDialogStore((state) => state.openDialog);
  if (!notice) return null;
  const { key, offerReplacement } = notice;

  return (
    <div className={`notice ${offerReplacement ? "notice-warning" : "notice-success"}`} role="status">
      <div className="notice-body">
        <strong className="truncate">{key.name} is revoked.</strong>{" "}
        {offerReplacement ? (
          <span>
            Generate a replacement with the same scope ({scopeLabel(key.scope)})? Then update the affected application with it.
          </span>
        ) : (
          <span>Applications still using it now get authentication errors.</span>
        )}
      </div>
      <div className="notice-actions">
        {offerReplacement ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => {
              dismiss();
              openCreate({ name: key.name, description: key.description, scope: key.scope });
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
