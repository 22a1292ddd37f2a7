/**
 * One handler per channel of the IPC contract, on the app core. The Electron main process registers
 * exactly this table, and the browser harness serves exactly this table: the only difference
 * between them is the platform adapters.
 */
import { IPC_CONTRACT_VERSION, type ChannelName, type OutputOf, type ParsedInputOf, type VaultEntrySummary } from "../../shared/ipc/contract";
import type { EntryInfo } from "../vault";
import type { AppCore } from "./app-core";

export type HandlerTable = { [N in ChannelName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> };

const summary = (entry: EntryInfo): VaultEntrySummary => ({
  id: entry.id,
  kind: entry.kind,
  label: entry.label,
  createdAt: entry.createdAt,
  updatedAt: entry.updatedAt,
  meta: entry.meta ?? {},
});

export function createHandlers(core: AppCore): HandlerTable {
  const { vault, workspaces, keys, rotations, clipboard, platform } = core;
  const clearSeconds = () => platform.preferences.read().clipboardClearSeconds;
  const preferences = () => {
    const stored = platform.preferences.read();
    return {
      clipboardClearSeconds: stored.clipboardClearSeconds,
      autoLockMinutes: stored.autoLockMinutes,
      rotationDays: stored.rotationDays,
      lastWorkspaceId: stored.lastWorkspaceId,
    };
  };

  return {
    "app.info": async () => ({ version: platform.appVersion, contractVersion: IPC_CONTRACT_VERSION, platform: platform.platformName }),

    "workspaces.list": async () => workspaces.list(),
    "workspaces.current": async () => workspaces.current(),
    "workspaces.add": (input) => workspaces.add(input),
    "workspaces.switch": ({ id }) => workspaces.switch(id),
    "workspaces.remove": ({ id }) => workspaces.remove(id),

    "keys.list": async () => {
      const list = await keys.list();
      await core.keysSeen(list);
      return list;
    },
    "keys.create": (input) => keys.create(input),
    "keys.finishReveal": ({ handle, keepInVault }) => keys.finishReveal(handle, keepInVault),
    "keys.revoke": ({ id, reason, note }) => keys.revoke(id, reason, note),

    "clipboard.copySecret": async ({ handle }) => clipboard.copy(keys.secretForCopy(handle), clearSeconds()),
    "clipboard.copyVaultEntry": async ({ id }) => clipboard.copy(await vault.secretOf(id), clearSeconds()),
    "clipboard.status": async () => ({ clearsAt: await clipboard.status() }),
    "clipboard.clear": async () => {
      await clipboard.clearIfOurs();
      return { clearsAt: null };
    },

    "vault.status": () => vault.status(),
    "vault.create": ({ passphrase }) => vault.create(passphrase),
    "vault.unlock": ({ passphrase }) => vault.unlock(passphrase),
    "vault.unlockWithKeychain": () => vault.unlockWithKeychain(),
    "vault.lock": () => vault.lock("manual"),
    "vault.setKeychainUnlock": ({ enabled }) => vault.setKeychainUnlock(enabled),
    "vault.entries": async () => (await vault.entries()).map(summary),
    "vault.removeEntry": async ({ id }) => {
      await vault.remove(id);
      return (await vault.entries()).map(summary);
    },
    "vault.touch": async () => {
      await vault.touch();
      return null;
    },

    "rotation.list": async () => rotations.list(),
    "rotation.start": ({ keyId, scope }) => rotations.start(keyId, scope),
    "rotation.setStep": ({ oldKeyId, step, keepInVault }) => rotations.setStep(oldKeyId, step, keepInVault),
    "rotation.copyNewKey": ({ oldKeyId }) => rotations.copyNewKey(oldKeyId, clearSeconds()),
    "rotation.testNewKey": ({ oldKeyId }) => rotations.testNewKey(oldKeyId),
    "rotation.usage": ({ oldKeyId }) => rotations.usage(oldKeyId),
    "rotation.finish": ({ oldKeyId, revoke, confirmRecentUse }) => rotations.finish(oldKeyId, revoke, confirmRecentUse),
    "rotation.cancel": ({ oldKeyId, revokeNewKey }) => rotations.cancel(oldKeyId, revokeNewKey),

    "preferences.get": async () => preferences(),
    "preferences.set": async (patch) => {
      platform.preferences.write(patch);
      if (patch.autoLockMinutes !== undefined) await vault.applyIdleLock();
      return preferences();
    },
  };
}
