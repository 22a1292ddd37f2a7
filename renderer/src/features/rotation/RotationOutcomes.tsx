/** The wizard's endings: complete, no longer in progress, or nothing to rotate. */
import type { ReactNode } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { Alert } from "../../ui/Alert";
import { DoneFooter } from "../../ui/DoneFooter";
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
      <DoneFooter onDone={onDone} autoFocus />
    </div>
  );
}

export function RotationNotice({ message, onClose, children }: { message: string; onClose: () => void; children?: ReactNode }) {
  return (
    <div className="wizard-step">
      <Alert tone="info">{message}</Alert>
      {children}
      <DoneFooter onDone={onClose} label="Close" />
    </div>
  );
}
