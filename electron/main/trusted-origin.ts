/*
 * The origin check behind every IPC call and every event sent: only a page served from our own
 * origin (app://keyward, or the loopback dev server in development) may use window.keyward.
 * Protects against a frame that navigated elsewhere, an injected iframe or a page on another
 * scheme (file:, data:, about:blank) reaching the main process. Pure: no electron import.
 *
 * Node's URL gives "null" as the origin of a non-special scheme such as app:, so the origin is
 * rebuilt here from protocol and host, the same way for app:, http: and https:.
 */
const ORIGIN_SCHEMES = new Set(["app:", "http:", "https:"]);

/** `scheme://host[:port]` for app:, http: and https: URLs without credentials; null for anything else. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ORIGIN_SCHEMES.has(parsed.protocol) || parsed.host === "" || parsed.username !== "" || parsed.password !== "") return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Whether a frame at `url` belongs to the trusted origin. */
export function isTrustedUrl(url: string, trustedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === trustedOrigin;
}
