/*
 * vault.*
 * Protects against: entries' secrets reaching the renderer (entries are listed with labels and
 * metadata only). Does not protect against: a renderer that asks to copy an entry, which it may.
 */
import type { VaultEntrySummary, VaultStatus } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import type { EntryInfo } from "../../vault";
import type { AppCore } from "../app-core";
import type { ActivityLog } from "../audit/activity-log";
import type { HandlersOf } from "./types";

const summary = (entry: EntryInfo): VaultEntrySummary => ({
  id: entry.id,
  kind: entry.kind,
  label: entry.label,
  createdAt: entry.createdAt,
  updatedAt: entry.updatedAt,
  meta: entry.meta ?? {},
});

/** Unlocks, recording the attempt: a success, or a failure with the reason the user was shown. */
async function recordedUnlock(activity: ActivityLog, method: "passphrase" | "keychain", unlock: () => Promise<VaultStatus>): Promise<VaultStatus> {
  try {
    const status = await unlock();
    void activity.record("vault.unlocked", { method });
    return status;
  } catch (error) {
    void activity.record("vault.unlock_failed", { method, reason: error instanceof IpcError ? error.message : "unexpected error" });
    throw error;
  }
}

export function vaultHandlers({ vault, activity }: AppCore): HandlersOf<"vault"> {
  return {
    "vault.status": () => vault.status(),
    "vault.create": ({ passphrase }) => vault.create(passphrase),
    "vault.unlock": async ({ passphrase }) => ((await vault.isUnlocked()) ? vault.status() : recordedUnlock(activity, "passphrase", () => vault.unlock(passphrase))),
    "vault.unlockWithKeychain": async () => ((await vault.isUnlocked()) ? vault.status() : recordedUnlock(activity, "keychain", () => vault.unlockWithKeychain())),
    "vault.lock": () => vault.lock("manual"),
    "vault.setKeychainUnlock": ({ enabled, passphrase }) => vault.setKeychainUnlock(enabled, passphrase),
    "vault.changePassphrase": async ({ current, next }) => {
      const status = await vault.changePassphrase(current, next);
      void activity.record("vault.passphrase_changed", {});
      return status;
    },
    "vault.entries": async () => (await vault.entries()).map(summary),
    "vault.removeEntry": async ({ id }) => {
      await vault.remove(id);
      return (await vault.entries()).map(summary);
    },
    "vault.touch": async () => {
      await vault.touch();
      return null;
    },
  };
}
