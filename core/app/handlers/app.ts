/*
 * app.*, clipboard.* and preferences.*
 * Protects against: secrets crossing to the renderer (copies go from the main process to the
 * clipboard by handle or vault entry id). Does not protect against: other programs reading the
 * clipboard while the copy is there.
 */
import { IPC_CONTRACT_VERSION } from "../../../shared/ipc/contract";
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./index";

export function appHandlers(core: AppCore): HandlersOf<"app"> & HandlersOf<"clipboard"> & HandlersOf<"preferences"> {
  const { platform, clipboard, keys, vault, preferences } = core;
  const clearSeconds = () => preferences.values().clipboardClearSeconds;
  return {
    "app.info": async () => ({ version: platform.appVersion, contractVersion: IPC_CONTRACT_VERSION, platform: platform.platformName }),

    "clipboard.copySecret": async ({ handle }) => clipboard.copy(keys.secretForCopy(handle), clearSeconds()),
    "clipboard.copyVaultEntry": async ({ id }) => clipboard.copy(await vault.secretOf(id), clearSeconds()),
    "clipboard.status": async () => ({ clearsAt: await clipboard.status() }),
    "clipboard.clear": async () => {
      await clipboard.clearIfOurs();
      return { clearsAt: null };
    },

    "preferences.get": async () => preferences.get(),
    "preferences.set": (patch) => preferences.set(patch),
  };
}
