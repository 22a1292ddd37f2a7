/** The one-line progress a person sees while `keyward scan` runs in a terminal (stderr only). */
import type { ScanProgress } from "../core/scan";

const PHASES: Record<ScanProgress["phase"], string> = {
  listing: "Listing files",
  scanning: "Scanning",
  history: "Scanning history",
  commits: "Finding the commits",
  matching: "Looking up in the workspace",
  done: "Done",
};

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A progress listener that redraws one stderr line, or null when stderr is not a terminal. */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): { update(progress: ScanProgress): void; clear(): void } | null {
  if (!stream.isTTY) return null;
  let drawn = false;
  return {
    update(progress) {
      if (progress.phase === "done") return;
      const finds = `${progress.finds} find${progress.finds === 1 ? "" : "s"}`;
      stream.write(`\r\x1b[2K${PHASES[progress.phase]}: ${progress.files.toLocaleString("en")} files, ${megabytes(progress.bytes)}, ${finds}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
