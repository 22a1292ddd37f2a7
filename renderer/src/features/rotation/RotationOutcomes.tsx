/** The wizard's endings: complete, no longer in progress, or nothing to rotate. */
import type { ReactNode } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { formatAbsolute } from "../../ui/format";

export function RotationDone({ retired, onDone }: { retired: ApiKey; onDone: () => void }) {
  const scheduled = retired.status === "active" && retired.expiresAt !== null;
  return (
    <div className="wizard-step">
      <Alert tone="success">
        <strong>Rotation complete.</strong>{" "}
        {scheduled && retired.expiresAt ? (
          <>
            <code className="key-display">{retired.display}</code> will stop working at <time dateTime={retired.expiresAt}>{formatAbsolute(retired.expiresAt)}</time>.
          </>
        ) : (
          <>
            <code className="key-display">{retired.display}</code> is revoked.
          </>
        )}
      </Alert>
      <p className="muted">The new key is the one in service now. The keys table shows it with its own rotation due date.</p>
      <footer className="modal-footer">
        <Button variant="primary" onClick={onDone} autoFocus>
          Done
        </Button>
      </footer>
    </div>
  );
}

export function RotationNotice({ message, onClose, children }: { message: string; onClose: () => void; children?: ReactNode }) {
  return (
    <div className="wizard-step">
      <Alert tone="info">{message}</Alert>
      {children}
      <footer className="modal-footer">
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </footer>
    </div>
  );
}
