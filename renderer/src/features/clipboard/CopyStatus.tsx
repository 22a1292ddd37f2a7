/** The copy status of a shown-once secret, with the clipboard's countdown from the main process. */
import { CopyStatus as CopyStatusLine } from "../../ui/CopyStatus";
import { useClipboardStore } from "./clipboard-store";

export function CopyStatus({ copied }: { copied: boolean }) {
  const clearsAt = useClipboardStore((state) => state.clearsAt);
  return <CopyStatusLine copied={copied} clearsAt={clearsAt} />;
}
