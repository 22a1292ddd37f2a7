/** Shown while the clipboard holds a secret Keyward copied: how long until it is cleared, and "Clear now". */
import { useState } from "react";
import { ClipboardIcon } from "../../ui/icons";
import { useClipboardStore } from "./clipboard-store";
import { useSecondsLeft } from "./useSecondsLeft";

export function ClipboardPill() {
  const clearsAt = useClipboardStore((state) => state.clearsAt);
  const clear = useClipboardStore((state) => state.clear);
  const secondsLeft = useSecondsLeft(clearsAt);
  const [failed, setFailed] = useState(false);
  if (secondsLeft === null) return null;

  return (
    <div className="clipboard-pill" role="group" aria-label="Clipboard">
      <ClipboardIcon />
      <span className="clipboard-pill-text">{failed ? "Could not clear the clipboard" : `Clipboard clears in ${secondsLeft} s`}</span>
      <button
        type="button"
        className="pill-button"
        onClick={() => {
          setFailed(false);
          clear().catch(() => setFailed(true));
        }}
      >
        Clear now
      </button>
    </div>
  );
}
