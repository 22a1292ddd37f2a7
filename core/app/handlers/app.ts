/*
 * app.*, clipboard.* and preferences.*
 * Protects against: secrets crossing to the renderer (copies go from the main process to the
 * clipboard by handle or vault entry id). Does not protect against: other programs reading the
 * clipboard while the copy is there.
 */
import { IPC_CONTRACT_VERSION } from "../../../shared/ipc/contract";
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

export function appHandlers(core: AppCore): HandlersOf<"app"> & HandlersOf<"clipboard"> & HandlersOf<"preferences"> {
  const { platform, clipboard, keys, vault, preferences, activity } = core;
  const clearSeconds = () => preferences.values().clipboardClearSeconds;
  return {
    "app.info": async () => ({ version: platform.appVersion, contractVersion: IPC_CONTRACT_VERSION, platform: platform.platformName }),

    "clipboard.copySecret": async ({ handle }) => {
      const { secret, keyId, label } = keys.secretForCopy(handle);
      const copied = await clipboard.copy(secret, clearSeconds());
      void activity.record("secret.copied", { entryId: null, keyId, label, clearAfterSeconds: copied.seconds }, keyId);
      return copied;
    },
    "clipboard.copyVaultEntry": async ({ id }) => {
      const copied = await clipboard.copy(await vault.secretOf(id), clearSeconds());
      const entry = await vault.findEntry((candidate) => candidate.id === id);
      const keyId = entry?.kind === "api_key_secret" ? (entry.meta?.keyId ?? null) : null;
      void activity.record("secret.copied", { entryId: id, keyId, label: entry?.label ?? "", clearAfterSeconds: copied.seconds }, keyId ?? undefined);
      return copied;
    },
    "clipboard.status": async () => ({ clearsAt: await clipboard.status() }),
    "clipboard.clear": async () => {
      await clipboard.clearIfOurs();
      return { clearsAt: null };
    },

    "preferences.get": async () => preferences.get(),
    "preferences.set": (patch) => preferences.set(patch),
  };
}
