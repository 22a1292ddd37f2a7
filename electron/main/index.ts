/*
 * The main process: app lifecycle. One instance per data folder; the app core built on the
 * Electron platform; the IPC contract registered; one hardened window; and on quit the core
 * disposed before the process ends (the clipboard cleared if it still holds our secret, the vault
 * locked, the local workspace server stopped), so quitting never leaves a secret behind.
 */
import fs from "node:fs";
import { app, session, type BrowserWindow } from "electron";
import { createAppCore, type AppCore } from "../../core/app/app-core";
import { createLog } from "../../core/log";
import { createHandlers } from "../../core/app/handlers";
import { registerAppSchemePrivileges, serveRenderer } from "./app-protocol";
import { forbiddenDebugSwitch } from "./debug-switches";
import { logUnexpected } from "./error-log";
import { registerIpc, sendEvent } from "./ipc";
import { bundlePaths, resolveLaunchOptions } from "./launch-options";
import { lockDownContents, lockDownSession } from "./navigation";
import { createElectronPlatform } from "./platform";
import { lockVaultOnSleep } from "./platform/power";
import { createMainWindow } from "./window";

/** Longest wait for dispose on quit; the local server's own stop gives up after 5 s. */
const DISPOSE_TIMEOUT_MS = 15_000;

// First of all: a shipped Keyward never runs with a debugger port open on its secrets.
const debugSwitch = app.isPackaged ? forbiddenDebugSwitch(process.argv) : null;
if (debugSwitch) {
  createLog("main").warn(`refusing to start with ${debugSwitch}: remote debugging would expose the vault's secrets`);
  app.exit(1);
  process.exit(1);
}

const launch = resolveLaunchOptions(app.isPackaged, process.env);
const paths = bundlePaths(import.meta.dirname);
// Before the single-instance lock, which lives in the userData folder: tests run side by side.
if (launch.dataDirOverride) {
  fs.mkdirSync(launch.dataDirOverride, { recursive: true });
  app.setPath("userData", launch.dataDirOverride);
}
app.enableSandbox();
registerAppSchemePrivileges();

const windows = new Set<BrowserWindow>();
const events = { trustedOrigin: launch.trustedOrigin, windows: () => windows };
let core: AppCore | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("web-contents-created", (_event, contents) => lockDownContents(contents));
  app.on("second-instance", focusWindow);
  app.on("window-all-closed", () => app.quit());
  installQuitHandler();
  const logStartFailure = logUnexpected("the app could not start");
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logStartFailure(error);
      app.quit();
    });
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession, { blockNetwork: launch.serveBuiltRenderer });
  if (launch.serveBuiltRenderer) serveRenderer(paths.rendererDir);
  const platform = createElectronPlatform({
    dataDir: app.getPath("userData"),
    cliBundle: paths.cli,
    emit: (event, payload) => sendEvent(events, event, payload),
    focusWindow,
  });
  const started = createAppCore(platform);
  core = started;
  const ready = started.start().catch(logUnexpected("the workspace did not start"));
  registerIpc({ handlers: createHandlers(started), ready, ...events });
  lockVaultOnSleep(started.vault);
  openWindow(started);
  app.on("activate", () => {
    if (windows.size === 0) openWindow(started);
  });
}

function openWindow(appCore: AppCore): void {
  const preferences = appCore.state.preferences;
  const bounds = {
    saved: () => preferences.get().windowBounds,
    save: (next: { x: number; y: number; width: number; height: number }) => void preferences.update((current) => ({ ...current, windowBounds: next })).catch(logUnexpected("the window's place could not be saved")),
  };
  const window = createMainWindow({ preload: paths.preload, rendererUrl: launch.rendererUrl, bounds, devTools: !app.isPackaged });
  windows.add(window);
  window.on("closed", () => windows.delete(window));
}

function focusWindow(): void {
  const [window] = windows;
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Holds the first quit until the core is disposed, then quits for real (once). */
function installQuitHandler(): void {
  let state: "running" | "disposing" | "done" = "running";
  const logFailure = logUnexpected("shutting down failed");
  app.on("before-quit", (event) => {
    if (state === "done") return;
    event.preventDefault();
    if (state === "disposing") return;
    state = "disposing";
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    const disposed = Promise.resolve(core?.dispose()).catch(logFailure);
    void Promise.race([disposed, timeout]).then(() => {
      state = "done";
      app.quit();
    });
  });
  // A terminal's Ctrl-C or a service manager's stop: quit the same way, so dispose runs.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => app.quit());
}
