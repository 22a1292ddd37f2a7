/**
 * A confirmation on Radix AlertDialog (role="alertdialog": focus starts on the safe choice).
 * The confirming action is a plain button so it can wait for the main process and show its error
 * instead of closing at once.
 */
import type { ReactNode } from "react";
import { AlertDialog } from "radix-ui";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { useAsyncAction } from "./useAsyncAction";
import { useReturnFocus } from "./useReturnFocus";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** More content between the description and the buttons (a choice the confirmation carries). */
  children?: ReactNode;
  /** Runs the action; a thrown error is shown in the dialog, a normal return closes it. */
  onConfirm: () => Promise<void>;
  returnFocusTo?: () => HTMLElement | null;
};

export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, cancelLabel = "Cancel", destructive, children, onConfirm, returnFocusTo }: ConfirmDialogProps) {
  const action = useAsyncAction();
  const returnFocus = useReturnFocus(open, returnFocusTo);
  const confirm = async () => {
    if (await action.run(onConfirm)) onOpenChange(false);
  };
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) action.setError(null);
        onOpenChange(next);
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content className="modal modal-md" onCloseAutoFocus={returnFocus}>
          <header className="modal-header">
            <AlertDialog.Title className="modal-title">{title}</AlertDialog.Title>
          </header>
          <AlertDialog.Description asChild>
            <div className="modal-description">{description}</div>
          </AlertDialog.Description>
          {children}
          {action.error ? <Alert>{action.error.message}</Alert> : null}
          <footer className="modal-footer">
            <AlertDialog.Cancel asChild>
              <Button>{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <Button variant={destructive ? "danger" : "primary"} busy={action.busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
