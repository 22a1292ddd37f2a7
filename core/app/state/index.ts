/**
 * Everything the app keeps on disk beside the vault, opened once at start. The rotations and
 * reminders files are read before the preferences file: a first start after an upgrade seeds them
 * from the older preferences.json, and only once they are saved is that file rewritten without them.
 */
import { openPreferencesFile, type PreferencesContent } from "./preferences-file";
import { openRemindersFile, type RemindersContent } from "./reminders-file";
import { openRotationsFile, type RotationsContent } from "./rotations-file";
import type { VersionedFile } from "../../persist/versioned-file";

export interface AppState {
  preferences: VersionedFile<PreferencesContent>;
  rotations: VersionedFile<RotationsContent>;
  reminders: VersionedFile<RemindersContent>;
  /** Saves what was migrated on load, in the order that loses nothing. */
  saveMigrations(): Promise<void>;
}

export function openAppState(dataDir: string): AppState {
  const rotations = openRotationsFile(dataDir);
  const reminders = openRemindersFile(dataDir);
  const preferences = openPreferencesFile(dataDir);
  return {
    preferences,
    rotations,
    reminders,
    async saveMigrations() {
      await rotations.saveIfMigrated();
      await reminders.saveIfMigrated();
      await preferences.saveIfMigrated();
    },
  };
}

export { preferenceValues, RemoteWorkspace, type PreferencesContent } from "./preferences-file";
export { StoredRotation } from "./rotations-file";
