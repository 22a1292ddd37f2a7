import { ipcMain } from "electron";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HandlerTable } from "../../../core/app/handlers";
import { registerIpc, sendEvent } from "../../../electron/main/ipc";
import { CHANNEL_NAMES, ipcChannel } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { fakeWindow, type FakeWindow, type Frame, type fakeIpcMain } from "./fake-electron";

vi.mock("electron", async () => {
  const { fakeIpcMain } = await import("./fake-electron");
  return { ipcMain: fakeIpcMain() };
});

const ipc = ipcMain as unknown as ReturnType<typeof fakeIpcMain>;
const INFO = { version: "1.2.3", contractVersion: 1, platform: "linux" };
const SECRET = "uo_live_should_never_be_logged";

let window: FakeWindow;
let unregister: () => void;
let ready: () => void;
const handlers = {
  "app.info": vi.fn(async () => INFO),
  "keys.create": vi.fn(async () => {
    throw new Error(`database said ${SECRET}`);
  }),
  "keys.revoke": vi.fn(async () => ({})),
  "vault.lock": vi.fn(async () => {
    throw new IpcError("vault_missing", "There is no vault yet.");
  }),
};

function call(name: string, input: unknown, sender: { contentsId?: number; frame?: Frame | null } = {}) {
  const frame = sender.frame === undefined ? window.webContents.mainFrame : sender.frame;
  const event = { sender: { id: sender.contentsId ?? window.webContents.id }, senderFrame: frame };
  return ipc.handlers.get(ipcChannel(name))!(event, input);
}

beforeEach(() => {
  vi.clearAllMocks();
  window = fakeWindow(1);
  const started = new Promise<void>((resolve) => (ready = resolve));
  unregister = registerIpc({
    handlers: handlers as unknown as HandlerTable,
    ready: started,
    trustedOrigin: "app://keyward",
    windows: () => [window as never],
  });
  ready();
});

afterEach(() => {
  unregister();
  vi.restoreAllMocks();
});

describe("IPC registration", () => {
  it("registers one handler per contract channel and nothing else", () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
  });

  it("answers the main frame of the app window through dispatch", async () => {
    await expect(call("app.info", undefined)).resolves.toEqual({ ok: true, value: INFO });
  });

  it("waits for the app core to start before answering", async () => {
    unregister();
    let release!: () => void;
    unregister = registerIpc({ handlers: handlers as unknown as HandlerTable, ready: new Promise<void>((r) => (release = r)), trustedOrigin: "app://keyward", windows: () => [window as never] });
    let answered = false;
    const pending = call("app.info", undefined).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    release();
    await pending;
    expect(answered).toBe(true);
  });

  it("validates input with the contract (invalid input never reaches the handler)", async () => {
    const result = await call("keys.revoke", { id: "", reason: "compromised" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(handlers["keys.revoke"]).not.toHaveBeenCalled();
  });

  it("carries IpcErrors, and reports other errors without their message, logging only name and stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(call("vault.lock", undefined)).resolves.toEqual({ ok: false, error: { code: "vault_missing", message: "There is no vault yet." } });
    const result = await call("keys.create", { name: "ci-deploy", scope: "read" });
    expect(result).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]![0]).toBe("[Keyward:main] IPC keys.create failed:");
    expect(JSON.stringify(log.mock.calls)).not.toContain(SECRET);
  });
});

describe("IPC sender check", () => {
  const forbidden = { ok: false, error: { code: "forbidden_sender" } };
  beforeEach(() => vi.spyOn(console, "warn").mockImplementation(() => {}));

  it("refuses a subframe of the app window, even on the app's origin", async () => {
    const frame = { processId: 7, routingId: 555, url: "app://keyward/index.html", parent: window.webContents.mainFrame };
    await expect(call("app.info", undefined, { frame })).resolves.toMatchObject(forbidden);
    expect(handlers["app.info"]).not.toHaveBeenCalled();
  });

  it("refuses the main frame once it shows another origin", async () => {
    for (const url of ["https://evil.example/", "file:///etc/passwd", "about:blank", "app://keyward.evil/", "http://localhost:5173/"]) {
      window.webContents.mainFrame.url = url;
      await expect(call("app.info", undefined), url).resolves.toMatchObject(forbidden);
    }
  });

  it("refuses a WebContents that is not an app window, a missing frame and a stale frame", async () => {
    await expect(call("app.info", undefined, { contentsId: 99 })).resolves.toMatchObject(forbidden);
    await expect(call("app.info", undefined, { frame: null })).resolves.toMatchObject(forbidden);
    const stale = { ...window.webContents.mainFrame, routingId: 1 };
    await expect(call("app.info", undefined, { frame: stale })).resolves.toMatchObject(forbidden);
    window.destroy();
    await expect(call("app.info", undefined)).resolves.toMatchObject(forbidden);
  });

  it("refuses a frame that throws when read (destroyed mid-call)", async () => {
    const frame = { get url(): string { throw new Error("Render frame was disposed"); }, processId: 7, routingId: 101, parent: null };
    await expect(call("app.info", undefined, { frame: frame as unknown as Frame })).resolves.toMatchObject(forbidden);
  });

  it("checks the sender before the input: a forbidden sender learns nothing from validation", async () => {
    const frame = { ...window.webContents.mainFrame, url: "https://evil.example/" };
    await expect(call("keys.revoke", { bogus: true }, { frame })).resolves.toMatchObject(forbidden);
    expect(handlers["keys.revoke"]).not.toHaveBeenCalled();
  });
});

describe("events", () => {
  it("go to app windows on the trusted origin only", () => {
    const other = fakeWindow(2, "https://evil.example/");
    const gone = fakeWindow(3);
    gone.destroy();
    sendEvent({ trustedOrigin: "app://keyward", windows: () => [window, other, gone] as never[] }, "clipboard.changed", { clearsAt: null });
    expect(window.webContents.send).toHaveBeenCalledWith("keyward-event:clipboard.changed", { clearsAt: null });
    expect(other.webContents.send).not.toHaveBeenCalled();
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });
});
