/** The preload: exposes `window.keyward` from the IPC contract's channel list, and nothing else. */
import { contextBridge } from "electron";

contextBridge.exposeInMainWorld("keyward", Object.freeze({ version: 1 }));
