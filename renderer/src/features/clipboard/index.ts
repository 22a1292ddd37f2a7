/** The clipboard as the renderer knows it: when Keyward's copy will be cleared, and the copy actions (all in the main process). */
export { ClipboardPill } from "./ClipboardPill";
export { CopyStatus } from "./CopyStatus";
export { useClipboardStore } from "./clipboard-store";
