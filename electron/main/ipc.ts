/*
 * Registers exactly the IPC contract: one ipcMain.handle per channel of CHANNEL_NAMES, each
 * answering through core's dispatch (zod validation, never a thrown error), and sends the
 * contract's events to the app's windows. Protects against calls from anything but the main
 * frame of our own window on our own origin (an iframe, a page the window was navigated to, another
 * WebContents): those get `forbidden_sender` before any input is looked at. Inputs are never logged.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from "electron";
import { dispatch } from "../../core/app/dispatch";
import type { HandlerTable } from "../../core/app/handlers";
import { CHANNEL_NAMES, ipcChannel, ipcEventChannel, type EventName, type EventPayload } from "../../shared/ipc/contract";
import type { IpcResult } from "../../shared/ipc/errors";
import { logUnexpected } from "./error-log";
import { isTrustedUrl, originOf } from "./trusted-origin";
import { createLog } from "../../core/log";

const log = createLog("ipc");

export interface IpcOptions {
  handlers: HandlerTable;
  /** Calls wait for the app core's start (as the browser harness does), so the first answers see the workspace. */
  ready: Promise<unknown>;
  trustedOrigin: string;
  windows: () => Iterable<BrowserWindow>;
}

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: "forbidden_sender", message: "Only Keyward's own window may call Keyward." },
};

/** Registers one handler per contract channel; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  for (const name of CHANNEL_NAMES) {
    const logFailure = logUnexpected(`IPC ${name} failed`);
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, options)) {
        log.warn(`refused IPC ${name}: the sender is not the app window's main frame on its own origin (${senderOrigin(event)})`);
        return FORBIDDEN;
      }
      await options.ready;
      return dispatch(options.handlers, name, input, logFailure);
    });
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** The main frame of one of our windows, currently showing a page of the trusted origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, options: Pick<IpcOptions, "trustedOrigin" | "windows">): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const window = ownWindowOf(event.sender.id, options.windows);
    if (!window) return false;
    const main = window.webContents.mainFrame;
    return frame.processId === main.processId && frame.routingId === main.routingId && isTrustedUrl(frame.url, options.trustedOrigin);
  } catch {
    // A frame that navigated or was destroyed mid-call throws on access: not trusted.
    return false;
  }
}

/** Sends a contract event to every app window whose page is on the trusted origin. */
export function sendEvent<E extends EventName>(options: Pick<IpcOptions, "trustedOrigin" | "windows">, event: E, payload: EventPayload<E>): void {
  for (const window of options.windows()) {
    if (window.isDestroyed()) continue;
    const contents = window.webContents;
    if (isTrustedUrl(contents.getURL(), options.trustedOrigin)) contents.send(ipcEventChannel(event), payload);
  }
}

function ownWindowOf(contentsId: number, windows: () => Iterable<BrowserWindow>): BrowserWindow | undefined {
  for (const window of windows()) {
    if (!window.isDestroyed() && window.webContents.id === contentsId) return window;
  }
  return undefined;
}

function senderOrigin(event: IpcMainInvokeEvent): string {
  try {
    return (event.senderFrame && originOf(event.senderFrame.url)) ?? "no origin";
  } catch {
    return "a destroyed frame";
  }
}
