/** The user's preferences as the main process keeps them (it validates every change). */
import { create } from "zustand";
import type { Preferences } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type PreferencesPatch = Partial<Pick<Preferences, "clipboardClearSeconds" | "autoLockMinutes" | "rotationDays">>;

/** The guide's schedule, until the main process has answered with the user's own. */
export const DEFAULT_ROTATION_DAYS = 90;

type SettingsStore = {
  preferences: Preferences | null;
  loadError: string | null;
  load: () => Promise<void>;
  save: (patch: PreferencesPatch) => Promise<void>;
};

export const useSettingsStore = create<SettingsStore>()((set) => ({
  preferences: null,
  loadError: null,
  load: async () => {
    try {
      set({ preferences: await call(keyward().preferences.get(undefined)), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  // Throws the main process's validation error to the form that asked.
  save: async (patch) => set({ preferences: await call(keyward().preferences.set(patch)) }),
}));

/** The rotation policy: a key is due this many days after it was created. */
export function useRotationDays(): number {
  return useSettingsStore((state) => state.preferences?.rotationDays ?? DEFAULT_ROTATION_DAYS);
}
