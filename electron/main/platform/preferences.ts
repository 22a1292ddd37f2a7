/*
 * Preferences in electron-store (`preferences.json` in the data folder, mode 0600): window bounds,
 * timings, the list of remote workspaces. Never a secret: admin tokens live in the vault.
 * Protects against a hand-edited or corrupt file: whatever is read goes through
 * normalizePreferences, which repairs each bad field with its default.
 * electron-store also registers an IPC channel of its own for renderer-side stores; Keyward has
 * none, and no channel may exist outside the contract, so it is removed again.
 */
import Store from "electron-store";
import { ipcMain } from "electron";
import { normalizePreferences, type PreferencesStore, type StoredPreferences } from "../../../core/app/preferences";

const ELECTRON_STORE_CHANNEL = "electron-store-get-data";

export function electronPreferences(dataDir: string): PreferencesStore {
  const store = new Store<Record<string, unknown>>({
    name: "preferences",
    cwd: dataDir,
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
  });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  const read = (): StoredPreferences => normalizePreferences(store.store);
  return {
    read,
    write(patch) {
      const next = normalizePreferences({ ...read(), ...patch });
      store.store = next;
      return next;
    },
  };
}
