/*
 * vault.*
 * Protects against: entries' secrets reaching the renderer (entries are listed with labels and
 * metadata only). Does not protect against: a renderer that asks to copy an entry, which it may.
 */
import type { VaultEntrySummary } from "../../../shared/ipc/contract";
import type { EntryInfo } from "../../vault";
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./index";

const summary = (entry: EntryInfo): VaultEntrySummary => ({
  id: entry.id,
  kind: entry.kind,
  label: entry.label,
  createdAt: entry.createdAt,
  updatedAt: entry.updatedAt,
  meta: entry.meta ?? {},
});

export function vaultHandlers({ vault }: AppCore): HandlersOf<"vault"> {
  return {
    "vault.status": () => vault.status(),
    "vault.create": ({ passphrase }) => vault.create(passphrase),
    "vault.unlock": ({ passphrase }) => vault.unlock(passphrase),
    "vault.unlockWithKeychain": () => vault.unlockWithKeychain(),
    "vault.lock": () => vault.lock("manual"),
    "vault.setKeychainUnlock": ({ enabled, passphrase }) => vault.setKeychainUnlock(enabled, passphrase),
    "vault.changePassphrase": ({ current, next }) => vault.changePassphrase(current, next),
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
