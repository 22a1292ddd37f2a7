import { EventEmitter } from "node:events";
import { shell } from "electron";
import { describe, expect, it, vi } from "vitest";
import { lockDownContents, lockDownSession } from "../../../electron/main/navigation";
import { fakeWebContents, preventable } from "./fake-electron";

vi.mock("electron", () => ({ shell: { openExternal: vi.fn(async () => undefined) } }));

describe("navigation lockdown", () => {
  it("prevents navigation, frame navigation, redirects and <webview>", () => {
    const contents = fakeWebContents();
    lockDownContents(contents as never);
    for (const name of ["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"]) {
      const event = preventable();
      contents.emit(name, event, "https://evil.example/");
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it("denies every new window, opening only parsed http(s) links in the browser", () => {
    const contents = fakeWebContents();
    lockDownContents(contents as never);
    expect(contents.open("https://docs.example.com/scopes")).toEqual({ action: "deny" });
    expect(shell.openExternal).toHaveBeenCalledWith("https://docs.example.com/scopes");
    vi.mocked(shell.openExternal).mockClear();
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "app://keyward/index.html", "http://user:pw@example.com/", "ms-msdt:x"]) {
      expect(contents.open(url), url).toEqual({ action: "deny" });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

function fakeSession() {
  const recorded: Record<string, unknown> = {};
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: unknown) => (recorded.request = handler),
    setPermissionCheckHandler: (handler: unknown) => (recorded.check = handler),
    setDevicePermissionHandler: (handler: unknown) => (recorded.device = handler),
    webRequest: { onBeforeRequest: (filter: unknown, handler: unknown) => Object.assign(recorded, { filter, network: handler }) },
  });
  return { session, recorded };
}

describe("session lockdown", () => {
  it("denies every permission request and check, device access and download", () => {
    const { session, recorded } = fakeSession();
    lockDownSession(session as never, { blockNetwork: false });
    const callback = vi.fn();
    (recorded.request as (...args: unknown[]) => void)({}, "media", callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    for (const permission of ["clipboard-read", "clipboard-sanitized-write", "notifications", "openExternal", "fullscreen"]) {
      expect((recorded.check as (...args: unknown[]) => boolean)(null, permission, "app://keyward", {})).toBe(false);
    }
    expect((recorded.device as () => boolean)()).toBe(false);
    const download = preventable();
    session.emit("will-download", download);
    expect(download.preventDefault).toHaveBeenCalled();
    expect(recorded.network).toBeUndefined();
  });

  it("cuts the renderer off the network in production", () => {
    const { session, recorded } = fakeSession();
    lockDownSession(session as never, { blockNetwork: true });
    expect(recorded.filter).toEqual({ urls: ["http://*/*", "https://*/*", "ws://*/*", "wss://*/*", "file://*/*"] });
    const callback = vi.fn();
    (recorded.network as (...args: unknown[]) => void)({ url: "https://evil.example/exfiltrate?k=1" }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
