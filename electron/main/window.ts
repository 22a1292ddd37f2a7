/*
 * The app window. Protects the renderer's boundary: sandboxed, context-isolated, no Node, web
 * security on, no insecure content, no <webview>, no spellchecker (which would send typed words,
 * key names included, to the OS or a dictionary service), no DevTools in a packaged build.
 * The page reaches the main process only through the preload's window.keyward.
 */
import { BrowserWindow, screen } from "electron";
import { MIN_SIZE, restoreBounds, type Rect } from "./window-bounds";
import { createLog } from "../../core/log";
import { logUnexpected } from "./error-log";

const log = createLog("window");

export interface MainWindowOptions {
  preload: string;
  rendererUrl: string;
  /** Where the window was left last time, and where to remember it. */
  bounds: { saved(): Rect | null; save(bounds: Rect): void };
  devTools: boolean;
}

const logLoadFailure = logUnexpected("the window could not load the app");

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = restoreBounds(options.bounds.saved(), screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: "Keyward",
    show: false,
    webPreferences: {
      preload: options.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  window.once("ready-to-show", () => window.show());
  // Normal bounds, so a maximized window is restored to its size before maximizing.
  window.on("close", () => options.bounds.save(window.getNormalBounds()));
  window.webContents.on("render-process-gone", (_event, details) => log.warn(`the window's renderer is gone: ${details.reason}`));
  window.loadURL(options.rendererUrl).catch(logLoadFailure);
  return window;
}
