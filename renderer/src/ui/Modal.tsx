/**
 * A modal dialog on Radix Dialog: focus trap, Escape, an accessible title and description. Every way
 * of closing (Escape, the X) goes through `onRequestClose`, so the owner can ask for confirmation
 * or refuse; a click outside never closes, because losing a half-filled form to a stray click hurts.
 * The content unmounts when closed (never forceMount): what it showed leaves the DOM with it.
 *
 * Focus: the dialog opens on `initialFocus` (its primary safe action) when given, and on close goes
 * back to the control that opened it, or to `returnFocusTo()` when that control is gone (a menu
 * item, a row that re-rendered).
 */
import { useRef, type ReactNode, type RefObject } from "react";
import { Dialog } from "radix-ui";
import { CloseIcon } from "./icons";
import { useReturnFocus } from "./useReturnFocus";

type ModalProps = {
  open: boolean;
  onRequestClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  width?: "md" | "lg";
  /** Extra classes for the dialog box (e.g. a multi-step dialog anchored to the top so steps don't jump). */
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  returnFocusTo?: () => HTMLElement | null;
  /** A line above the title naming the context (the workspace a change applies to). */
  context?: ReactNode;
};

export function Modal({ open, onRequestClose, title, description, children, width = "md", className, initialFocus, returnFocusTo, context }: ModalProps) {
  const returnFocus = useReturnFocus(open, returnFocusTo);
  const content = useRef<HTMLDivElement>(null);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onRequestClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          ref={content}
          className={`modal modal-${width}${className ? ` ${className}` : ""}`}
          onOpenAutoFocus={(event) => {
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          onEscapeKeyDown={(event) => {
            event.preventDefault();
            onRequestClose();
          }}
          onInteractOutside={(event) => event.preventDefault()}
          onCloseAutoFocus={returnFocus}
          // Without a description Radix warns; `undefined` tells it there is deliberately none.
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <header className="modal-header">
            <div className="modal-heading">
              {context ? <div className="modal-context">{context}</div> : null}
              <Dialog.Title className="modal-title">{title}</Dialog.Title>
            </div>
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
