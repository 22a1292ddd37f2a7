/*
 * The system clipboard for ClipboardGuard: the main process is the only one that touches it.
 * Protects against a copied secret lingering: ClipboardGuard clears it after a set time and on
 * quit, if it is still ours. Protects against clipboard histories and managers keeping it, where
 * they honour the OS's marker for concealed content: the secret is written together with that
 * marker in one clipboard.write() of one ClipboardItem, which Electron commits atomically (one
 * ScopedClipboardWriter), so no clipboard state ever holds the text without its marker.
 * Does not protect against another program reading the clipboard while the secret is in it, nor
 * against a history that ignores the markers.
 *
 * What each OS gets (raw OS formats go through Electron's `electron application/osclipboard;
 * format="<name>"` type and are written byte for byte; Electron 45 has no privacy option on
 * ClipboardItem, so the markers are written as formats of their own):
 *   all      text/plain = the secret (a string, written as the OS's Unicode text)
 *   macOS    org.nspasteboard.ConcealedType = "secret" (UTF-8; only its presence is read):
 *            Maccy, Alfred, Raycast, Paste and other nspasteboard.org clients skip the entry
 *   Windows  ExcludeClipboardContentFromMonitorProcessing (only its presence is read),
 *            CanIncludeInClipboardHistory and CanUploadToCloudClipboard, each a DWORD 0 (4 bytes,
 *            little-endian): Win+V history, cloud clipboard sync and monitors that honour the
 *            first format skip the entry
 *   Linux    x-kde-passwordManagerHint = "secret" (UTF-8): Klipper and clipboard managers that
 *            follow KDE's hint skip the entry
 *   other    text/plain only (Electron ships no build for another OS)
 * Payloads other than the text are Blobs, the raw-bytes form Electron's ClipboardItem takes.
 */
import { clipboard, ClipboardItem } from "electron";
import type { ClipboardAdapter } from "../../../core/clipboard/clipboard-guard";

/** Electron's MIME type for a raw OS clipboard format named `name`. */
export const osClipboardFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

const utf8 = (text: string) => new Blob([Buffer.from(text, "utf8")]);
const dword = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return new Blob([bytes]);
};

/** The entries of the one ClipboardItem that carries `secret` on `platform`: the text and that OS's markers. */
export function secretClipboardEntries(secret: string, platform: NodeJS.Platform): Record<string, string | Blob> {
  const entries: Record<string, string | Blob> = { "text/plain": secret };
  switch (platform) {
    case "darwin":
      entries[osClipboardFormat("org.nspasteboard.ConcealedType")] = utf8("secret");
      break;
    case "win32":
      entries[osClipboardFormat("ExcludeClipboardContentFromMonitorProcessing")] = dword(0);
      entries[osClipboardFormat("CanIncludeInClipboardHistory")] = dword(0);
      entries[osClipboardFormat("CanUploadToCloudClipboard")] = dword(0);
      break;
    case "linux":
      entries[osClipboardFormat("x-kde-passwordManagerHint")] = utf8("secret");
      break;
  }
  return entries;
}

/** The clipboard adapter for `platform` (tests pass each OS; the app uses its own). */
export function electronClipboardFor(platform: NodeJS.Platform): ClipboardAdapter {
  return {
    async writeSecret(text) {
      await clipboard.write([new ClipboardItem(secretClipboardEntries(text, platform))]);
    },
    readText() {
      return clipboard.readText();
    },
    async clear() {
      clipboard.clear();
    },
  };
}

export const electronClipboard: ClipboardAdapter = electronClipboardFor(process.platform);
