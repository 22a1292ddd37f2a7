/** The footer of steps 2 to 4: "Cancel rotation" on the left, away from the step's own buttons on the right. */
import type { ReactNode } from "react";
import { Button } from "../../ui/Button";

export function WizardFooter({ onCancelRotation, children }: { onCancelRotation: () => void; children: ReactNode }) {
  return (
    <footer className="modal-footer wizard-footer">
      <Button variant="ghost" className="wizard-cancel" onClick={onCancelRotation}>
        Cancel rotation
      </Button>
      {children}
    </footer>
  );
}
