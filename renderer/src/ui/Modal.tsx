/**
 * A modal dialog on Radix Dialog: focus trap, Escape, an accessible title and description. Every way
 * of closing (Escape, the X) goes through `onRequestClose`, so the owner can ask for confirmation
 * or refuse; a click outside never closes, because losing a half-filled form to a stray click hurts.
 * The content unmounts when closed (never forceMount): what it showed leaves the DOM with it.
 */
import type { ReactNode } from "react";
import { Dialog } from "radix-ui";
import { CloseIcon } from "./icons";

type ModalProps = {
  open: boolean;
  onRequestClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  width?: "md" | "lg";
  /** Extra classes for the dialog box (e.g. a multi-step dialog anchored to the top so steps don't jump). */
  className?: string;
  /** Where focus goes when the dialog closes, when the element that opened it is gone (a menu item). */
  returnFocusTo?: () => HTMLElement | null;
};

export function Modal({ open, onRequestClose, title, description, children, width = "md", className, returnFocusTo }: ModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onRequestClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          className={`modal modal-${width}${className ? ` ${className}` : ""}`}
          onEscapeKeyDown={(event) => {
            event.preventDefault();
            onRequestClose();
          }}
          onInteractOutside={(event) => event.preventDefault()}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo?.();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
          // Without a description Radix warns; `undefined` tells it there is deliberately none.
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <header className="modal-header">
            <Dialog.Title className="modal-title">{title}</Dialog.Title>
            <button type="button" className="icon-button modal-close" aria-label="Close" onClick={onRequestClose}>
              <CloseIcon />
            </button>
          </header>
          {description ? <Dialog.Description className="modal-description">{description}</Dialog.Description> : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
