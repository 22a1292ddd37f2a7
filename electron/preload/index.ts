/*
 * The preload: builds window.keyward from the IPC contract's channel list (shared/ipc/bridge.ts)
 * and exposes it through contextBridge, and nothing else. Protects against the page reaching
 * Electron or Node: ipcRenderer, process and require are never exposed; the page can only call
 * the contract's channels by name and subscribe to its events, and listeners never see the
 * IpcRendererEvent (which carries `sender`). The main process still checks every sender and
 * validates every input; this file is a convenience, not the boundary.
 * Bundled into one self-contained CommonJS file: a sandboxed preload can require only "electron".
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { buildBridge } from "../../shared/ipc/bridge";
import { EVENT_NAMES, ipcChannel, ipcEventChannel, type EventName } from "../../shared/ipc/contract";
import type { IpcResult } from "../../shared/ipc/errors";

const NO_ANSWER: IpcResult<never> = {
  ok: false,
  error: { code: "internal", message: "Keyward's background service did not answer. Restart the app." },
};

const bridge = buildBridge(
  (channel, input) => ipcRenderer.invoke(ipcChannel(channel), input).then((result: IpcResult<unknown>) => result, () => NO_ANSWER),
  (event: EventName, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new TypeError(`Unknown Keyward event "${String(event)}".`);
    if (typeof listener !== "function") throw new TypeError("The listener must be a function.");
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcEventChannel(event), handler);
    return () => {
      ipcRenderer.removeListener(ipcEventChannel(event), handler);
    };
  },
);

contextBridge.exposeInMainWorld("keyward", bridge);
