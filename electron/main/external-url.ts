/*
 * Which links may leave the app for the user's browser. Protects against a renderer (or content
 * injected into it) using shell.openExternal to launch file:, javascript:, custom protocol
 * handlers (smb:, ms-msdt:, ...) or URLs that smuggle credentials. Only http(s) URLs that the URL
 * parser accepts are opened, and what is opened is the parser's own serialization.
 * Pure: no electron import.
 */
const MAX_LENGTH = 2048;

export function externalUrlToOpen(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username !== "" || url.password !== "" || url.hostname === "") return null;
  return url.href;
}
