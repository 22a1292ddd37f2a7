/**
 * A labelled form field: the label names the control, the hint and the error describe it. The
 * control is passed as a render function so it receives the ids it must carry.
 */
import { useId, type ReactNode } from "react";

type FieldControlProps = { id: string; "aria-describedby": string | undefined; "aria-invalid": boolean | undefined };

type FieldProps = {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** A warning is shown like an error but does not mark the field invalid: it informs, it does not block. */
  warning?: ReactNode;
  optional?: boolean;
  children: (control: FieldControlProps) => ReactNode;
};

export function Field({ label, hint, error, warning, optional, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const messageId = error || warning ? `${id}-message` : null;
  const describedBy = [hintId, messageId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <p className="field-hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={messageId ?? undefined} role="alert">
          {error}
        </p>
      ) : warning ? (
        <p className="field-warning" id={messageId ?? undefined} role="status">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
