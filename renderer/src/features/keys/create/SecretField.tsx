/**
 * A shown-once secret: masked by default (the mask is built from the key's public display form),
 * a Reveal/Hide toggle and a Copy button, then the copy's status with the clipboard countdown. It
 * keeps no copy of the secret: the owner passes it in from its own local state and copies through
 * the main process (the renderer never writes the clipboard).
 */
import { useState } from "react";
import { Button } from "../../../ui/Button";
import { CheckIcon, CopyIcon, EyeIcon, EyeOffIcon } from "../../../ui/icons";
import { useClipboardStore } from "../../clipboard/clipboard-store";
import { useSecondsLeft } from "../../clipboard/useSecondsLeft";

/** "uo_live_Ab12Cd…9xYz" becomes "uo_live_Ab12Cd••••…••9xYz": the public parts, never the secret's. */
export function maskedForm(display: string): string {
  const [head = display, tail = ""] = display.split("…");
  return `${head}${"•".repeat(26)}${tail}`;
}

type SecretFieldProps = { secret: string; display: string; copying: boolean; onCopy: () => void; copyLabel?: string };

export function SecretField({ secret, display, copying, onCopy, copyLabel = "Copy" }: SecretFieldProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="secret-field">
      <code className="secret-value" data-masked={!shown || undefined}>
        {shown ? secret : maskedForm(display)}
      </code>
      <div className="secret-actions">
        <Button size="sm" variant="ghost" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? <EyeOffIcon /> : <EyeIcon />}
          {shown ? "Hide" : "Reveal"}
        </Button>
        <Button size="sm" variant="primary" busy={copying} onClick={onCopy}>
          {copying ? null : <CopyIcon />}
          {copyLabel}
        </Button>
      </div>
    </div>
  );
}

/** "Copied – clears in 28 s" once copied; an empty live region before, so the change is announced. */
export function CopyStatus({ copied }: { copied: boolean }) {
  const clearsAt = useClipboardStore((state) => state.clearsAt);
  const secondsLeft = useSecondsLeft(clearsAt);
  return (
    <p className="copy-status" role="status">
      {copied ? (
        <>
          <CheckIcon className="copy-status-icon" />
          {secondsLeft !== null ? `Copied – clears in ${secondsLeft} s` : "Copied – the clipboard has been cleared"}
        </>
      ) : null}
    </p>
  );
}
