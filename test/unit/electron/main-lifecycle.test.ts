/**
 * The main process's wiring (electron/main/index.ts) on a fake Electron: what happens before
 * ready, what start registers, that the window is hardened, that IPC answers through the real app
 * core, and that quit waits for the core's dispose. The Electron binary is not needed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CHANNEL_NAMES, ipcChannel } from "../../../shared/ipc/contract";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-main-lifecycle-"));

const fake = vi.hoisted(() => ({ calls: [] as string[], appEvents: new Map<string, (...args: unknown[]) => unknown>(), windows: [] as Array<Record<string, unknown>> }));

vi.mock("electron", async () => {
  const { EventEmitter } = await import("node:events");
  const { fakeIpcMain } = await import("./fake-electron");
  let userData = "";
  const app = {
    isPackaged: false,
    setPath: (_name: string, value: string) => (userData = value),
    getPath: () => userData,
    getVersion: () => "9.9.9",
    enableSandbox: () => fake.calls.push("enableSandbox"),
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: (...args: unknown[]) => unknown) => fake.appEvents.set(event, listener),
    whenReady: () => Promise.resolve().then(() => fake.calls.push("ready")),
    quit: vi.fn(),
  };
  class BrowserWindow extends EventEmitter {
    webContents = { id: 1, mainFrame: { processId: 1, routingId: 1, url: "", parent: null }, getURL: () => this.webContents.mainFrame.url, send: vi.fn(), on: vi.fn() };
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this as unknown as Record<string, unknown>);
    }
    loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame.url = url;
    });
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 });
  }
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  return {
    app,
    BrowserWindow,
    ipcMain: fakeIpcMain(),
    protocol: { registerSchemesAsPrivileged: () => fake.calls.push("registerScheme"), handle: vi.fn() },
    session: { defaultSession: session },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn() },
    clipboard: { writeText: vi.fn(), readText: () => "", clear: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => "basic_text", encryptString: vi.fn(), decryptString: vi.fn() },
    powerMonitor: new EventEmitter(),
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    // The local workspace server is a utility process; here it ends at once (no bundle is run).
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[]) => {
        fake.calls.push(`fork ${path.basename(modulePath)} ${args.slice(0, 2).join(" ")}`);
        const child = Object.assign(new EventEmitter(), { stdout: null, stderr: new EventEmitter(), pid: undefined, kill: vi.fn() });
        setTimeout(() => child.emit("exit", 1), 0);
        return child;
      }),
    },
  };
});

const electron = await import("electron");
const ipc = electron.ipcMain as unknown as { handlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>> };
const window = () => fake.windows[0] as unknown as { options: { webPreferences: Record<string, unknown> }; webContents: { id: number; mainFrame: unknown } };
const call = (name: string, input?: unknown) => ipc.handlers.get(ipcChannel(name))!({ sender: { id: window().webContents.id }, senderFrame: window().webContents.mainFrame }, input);

beforeAll(async () => {
  vi.stubEnv("KEYWARD_DATA_DIR", dataDir);
  vi.stubEnv("ELECTRON_RENDERER_URL", "");
  vi.spyOn(console, "error").mockImplementation(() => {});
  await import("../../../electron/main/index");
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the main process", () => {
  it("enables the sandbox and registers app:// before the app is ready, in the test's data folder", () => {
    expect(fake.calls.slice(0, 3)).toEqual(["enableSandbox", "registerScheme", "ready"]);
    expect(electron.app.getPath("userData")).toBe(dataDir);
  });

  it("serves the built renderer over app:// and locks the session down", () => {
    expect(electron.protocol.handle).toHaveBeenCalledWith("app", expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
  });

  it("opens one hardened window on app://keyward with the bundled preload", () => {
    expect(window().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
    });
    expect((fake.windows[0] as unknown as { loadURL: unknown }).loadURL).toHaveBeenCalledWith("app://keyward/index.html");
  });

  it("registers every contract channel, answered by the real app core", async () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    await expect(call("app.info")).resolves.toEqual({ ok: true, value: { version: "9.9.9", contractVersion: 2, platform: process.platform } });
    const status = (await call("vault.status")) as { ok: boolean; value: { keychain: { available: boolean } } };
    expect(status).toMatchObject({ ok: true, value: { exists: false } });
    if (process.platform === "linux") expect(status.value.keychain).toEqual({ available: false, reason: expect.stringContaining("basic_text") });
  });

  it("runs the local workspace server as a utility process forked from the bundled CLI", async () => {
    await vi.waitFor(() => expect(fake.calls).toContain("fork keyward-cli.js server admin-token"));
  });

  it("holds the first quit until the core is disposed, then quits for real", async () => {
    const beforeQuit = fake.appEvents.get("before-quit")!;
    const first = { preventDefault: vi.fn() };
    beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledOnce(), { timeout: 10_000 });
    const second = { preventDefault: vi.fn() };
    beforeQuit(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
