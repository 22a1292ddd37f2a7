/*
 * Keeps every web page Keyward creates on Keyward's own content. Protects against a renderer (or
 * content injected into it) navigating the window elsewhere, being redirected, opening new
 * windows, attaching a <webview>, downloading files, or being granted any permission (camera,
 * notifications, clipboard-read, devices, ...). Links to http(s) pages open in the user's browser
 * only after external-url.ts has parsed and re-serialized them. In production the renderer has
 * no network at all: the main process talks to workspaces, the page never does.
 */
import { shell, type Session, type WebContents } from "electron";
import { logUnexpected } from "./error-log";
import { externalUrlToOpen } from "./external-url";

const logOpenFailure = logUnexpected("could not open a link in the browser");

/** For every WebContents the app creates (app.on("web-contents-created")). */
export function lockDownContents(contents: WebContents): void {
  contents.on("will-navigate", (event) => event.preventDefault());
  contents.on("will-frame-navigate", (event) => event.preventDefault());
  contents.on("will-redirect", (event) => event.preventDefault());
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) shell.openExternal(external).catch(logOpenFailure);
    return { action: "deny" };
  });
}

const lockedSessions = new WeakSet<Session>();

/** Denies every permission request and check, device access and download in `session`. */
export function lockDownSession(session: Session, options: { blockNetwork: boolean }): void {
  if (lockedSessions.has(session)) return;
  lockedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on("will-download", (event) => event.preventDefault());
  if (options.blockNetwork) {
    // Requests the renderer could make past its CSP: app:// is served by the protocol handler,
    // which these patterns do not cover; everything else is refused.
    session.webRequest.onBeforeRequest({ urls: ["http://*/*", "https://*/*", "ws://*/*", "wss://*/*", "file://*/*"] }, (_details, callback) => callback({ cancel: true }));
  }
}
