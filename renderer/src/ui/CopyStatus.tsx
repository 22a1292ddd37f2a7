/** "Copied – clears in 28 s" once copied; an empty live region before, so the change is announced. */
import { CheckIcon } from "./icons";
import { useSecondsLeft } from "./useSecondsLeft";

export function CopyStatus({ copied, clearsAt }: { copied: boolean; clearsAt: string | null }) {
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
