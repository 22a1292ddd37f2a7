/** Shown while the clipboard holds a secret Keyward copied: how long until it is cleared, and "Clear now". */
import { ClipboardIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useSecondsLeft } from "../../ui/useSecondsLeft";
import { useClipboardStore } from "./clipboard-store";

export function ClipboardPill() {
  const clearsAt = useClipboardStore((state) => state.clearsAt);
  const clear = useClipboardStore((state) => state.clear);
  const secondsLeft = useSecondsLeft(clearsAt);
  const clearing = useAsyncAction();
  if (secondsLeft === null) return null;
  return (
    <div className="clipboard-pill" role="group" aria-label="Clipboard">
      <ClipboardIcon />
      <span className="clipboard-pill-text">{clearing.error ? "Could not clear the clipboard" : `Clipboard clears in ${secondsLeft} s`}</span>
      <button type="button" className="pill-button" disabled={clearing.busy} onClick={() => void clearing.run(clear)}>
        Clear now
      </button>
    </div>
  );
}
