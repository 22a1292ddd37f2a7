/**
 * The end of a dialog with nothing left to decide (a result shown, a notice read): one primary
 * button that closes it. A dialog that still asks for something ends with FormFooter instead.
 */
import { Button } from "./Button";

export function DoneFooter({ onDone, label = "Done", autoFocus, disabled }: { onDone: () => void; label?: "Done" | "Close"; autoFocus?: boolean; disabled?: boolean }) {
  return (
    <footer className="modal-footer">
      <Button variant="primary" onClick={onDone} autoFocus={autoFocus} disabled={disabled}>
        {label}
      </Button>
    </footer>
  );
}
