/**
 * The renderer's only way to the main process: `window.keyward`, typed by the IPC contract.
 * `call` turns an IpcResult into a value or a thrown IpcError whose message is written for users.
 */
import { unwrap, type KeywardBridge } from "../../../shared/ipc/bridge";
import type { IpcResult } from "../../../shared/ipc/errors";

declare global {
  interface Window {
    /** Exposed by the preload (or the browser test harness); absent when the page is opened on its own. */
    readonly keyward?: KeywardBridge;
  }
}

export class BridgeMissingError extends Error {
  constructor() {
    super("Keyward's background service is not available. Restart the app.");
    this.name = "BridgeMissingError";
  }
}

/** The bridge; throws a readable error instead of "cannot read properties of undefined". */
export function keyward(): KeywardBridge {
  const bridge = window.keyward;
  if (!bridge) throw new BridgeMissingError();
  return bridge;
}

/** Awaits a bridge call and unwraps it: `await call(keyward().keys.list(undefined))`. */
export async function call<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  return unwrap(await pending);
}
