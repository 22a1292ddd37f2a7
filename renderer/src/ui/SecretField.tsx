/*
 * A new key's secret, shown once: masked by default (the mask is built from the key's public
 * display form), "Show" and "Hide", and Copy.
 * Protects against: the secret being in the page before anyone asks to see it. It is fetched from
 * the main process only when the user clicks Show (`onReveal`), kept in this component's local
 * state only, and dropped on Hide and when the component unmounts (the dialog closes). Copying
 * goes through the main process; the renderer never writes the clipboard. Does not protect
 * against: someone reading the screen while it is shown.
 */
import { useState, type Ref } from "react";
import { toUserError, type UserError } from "../ipc/errors";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { CopyIcon, EyeIcon, EyeOffIcon } from "./icons";
import { useAsyncAction } from "./useAsyncAction";

/** "uo_live_Ab12Cd…9xYz" becomes "uo_live_Ab12Cd••••…••9xYz": the public parts, never the secret's. */
export function maskedForm(display: string): string {
  const [head = display, tail = ""] = display.split("…");
  return `${head}${"•".repeat(26)}${tail}`;
}

type SecretFieldProps = {
  display: string;
  onReveal: () => Promise<string>;
  onCopy: () => Promise<void>;
  copyLabel?: string;
  /** The Copy button, which a dialog focuses first: it is the safe, expected action. */
  copyRef?: Ref<HTMLButtonElement>;
  /** Told of a failed reveal or copy (a secret that is gone changes what the dialog offers). */
  onError?: (error: UserError) => void;
};

export function SecretField({ display, onReveal, onCopy, copyLabel = "Copy", copyRef, onError }: SecretFieldProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const revealing = useAsyncAction();
  const copying = useAsyncAction();
  const failed = revealing.error ?? copying.error;

  // A failure is shown here, and told to the owner (a secret that is gone changes what it offers).
  const told = (work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (failure) {
      onError?.(toUserError(failure));
      throw failure;
    }
  };
  const toggle = () => (secret !== null ? setSecret(null) : void revealing.run(told(async () => setSecret(await onReveal()))));
  const copy = () => void copying.run(told(onCopy));

  return (
    <div className="secret-field-group">
      <div className="secret-field">
        <code className="secret-value" data-masked={secret === null || undefined}>
          {secret ?? maskedForm(display)}
        </code>
        <div className="secret-actions">
          <Button size="sm" variant="ghost" aria-pressed={secret !== null} busy={revealing.busy} onClick={toggle}>
            {secret !== null ? <EyeOffIcon /> : <EyeIcon />}
            {secret !== null ? "Hide" : "Show"}
          </Button>
          <Button ref={copyRef} size="sm" variant="primary" busy={copying.busy} onClick={copy}>
            {copying.busy ? null : <CopyIcon />}
            {copyLabel}
          </Button>
        </div>
      </div>
      {failed ? <Alert>{failed.message}</Alert> : null}
    </div>
  );
}
