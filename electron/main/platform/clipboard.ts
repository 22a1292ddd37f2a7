/*
 * The system clipboard for ClipboardGuard: the main process is the only one that touches it.
 * Protects against a copied secret lingering: ClipboardGuard clears it after a set time and on
 * quit, if it is still ours. Does not protect against another program reading the clipboard (or
 * a clipboard history recording it) while the secret is in it.
 *
 * Marking the secret as concealed (what each OS would honour, alongside the text):
 *   macOS    org.nspasteboard.ConcealedType          (Maccy, Alfred, Raycast, Paste skip it)
 *   Windows  ExcludeClipboardContentFromMonitorProcessing, CanIncludeInClipboardHistory = 0,
 *            CanUploadToCloudClipboard = 0            (Win+V history and cloud sync skip it)
 *   Linux    x-kde-passwordManagerHint = "secret"     (Klipper and some others skip it)
 * Electron 41 cannot write any of them together with the text: clipboard.write() takes only
 * text/html/rtf/image/bookmark, and each writeBuffer() call is its own clipboard transaction that
 * replaces what is there, so a marker written after the text erases the text, and one written
 * before is erased by it (electron/electron#41462, #11838; custom formats in write() arrive in
 * Electron 44). So on every OS Keyward writes plain text only, and relies on the timed clear;
 * a clipboard manager may still record the secret. Change this file when Electron can mark it.
 */
import { clipboard } from "electron";
import type { ClipboardAdapter } from "../../../core/clipboard/clipboard-guard";

export const electronClipboard: ClipboardAdapter = {
  writeSecret(text) {
    clipboard.writeText(text);
  },
  readText() {
    return clipboard.readText();
  },
  clear() {
    clipboard.clear();
  },
};
