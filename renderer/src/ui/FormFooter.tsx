/**
 * The end of every form: the action's error (if it failed, with `errorAction` beside it when there
 * is a way to put it right), then Cancel (in dialogs) and the submit button, busy while the action
 * runs. `success` is said once it succeeded (a settings card).
 */
import type { ReactNode } from "react";
import { Alert } from "./Alert";
import { Button } from "./Button";
import type { AsyncAction } from "./useAsyncAction";

type FormFooterProps = {
  action: AsyncAction;
  submitLabel: string;
  onCancel?: () => void;
  /** "modal": right-aligned in a dialog; "card": under a settings card's fields. */
  layout?: "modal" | "card";
  variant?: "primary" | "secondary" | "danger";
  success?: ReactNode;
  errorAction?: ReactNode;
};

export function FormFooter({ action, submitLabel, onCancel, layout = "modal", variant = "primary", success, errorAction }: FormFooterProps) {
  return (
    <>
      {action.error ? <Alert action={errorAction}>{action.error.message}</Alert> : success && !action.busy ? <Alert tone="success">{success}</Alert> : null}
      <footer className={layout === "modal" ? "modal-footer" : "card-actions"}>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button type="submit" variant={variant} busy={action.busy}>
          {submitLabel}
        </Button>
      </footer>
    </>
  );
}
