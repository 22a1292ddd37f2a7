/**
 * A long bundle task under way (downloading, verifying, reading, computing findings): what it is
 * doing in words and a bar that moves. The verifier gives no fraction, so the bar has no
 * percentage while verifying; a download with a known size fills as it goes.
 */
import type { EventPayload } from "../../../../shared/ipc/contract";
import { ProgressBar } from "../../ui/ProgressBar";
import { progressLabel } from "./audit-text";

export function TaskProgress({ progress, starting, label }: { progress: EventPayload<"audit.progress"> | null; starting: string; label: string }) {
  const text = progress ? progressLabel(progress) : starting;
  const fraction = progress?.phase === "downloading" && progress.totalBytes ? progress.bytes / progress.totalBytes : null;
  return (
    <div className="audit-progress">
      <p className="muted" aria-live="polite">
        {text}
      </p>
      <ProgressBar label={label} valueText={text} fraction={fraction} />
    </div>
  );
}
