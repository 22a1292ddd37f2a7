/** The user's preferences as the main process keeps them (it validates every change), and which build is running. */
import { create } from "zustand";
import { DEFAULT_PREFERENCE_VALUES, type PreferencesPatch } from "../../../../shared/domain/preferences";
import type { OutputOf, Preferences } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type SettingsStore = {
  preferences: Preferences | null;
  loadError: string | null;
  info: OutputOf<"app.info"> | null;
  load: () => Promise<void>;
  loadInfo: () => Promise<void>;
  save: (patch: PreferencesPatch) => Promise<void>;
};

export const useSettingsStore = create<SettingsStore>()((set) => ({
  preferences: null,
  loadError: null,
  info: null,
  load: async () => {
    try {
      set({ preferences: await call(keyward().preferences.get(undefined)), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  // Purely informative: if it fails, the About section just stays without numbers.
  loadInfo: async () => {
    try {
      set({ info: await call(keyward().app.info(undefined)) });
    } catch {
      // nothing to tell the user
    }
  },
  // Throws the main process's validation error to the form that asked.
  save: async (patch) => set({ preferences: await call(keyward().preferences.set(patch)) }),
}));

/** The rotation policy: a key is due this many days after it was created (the default until the main process answers). */
export function useRotationDays(): number {
  return useSettingsStore((state) => state.preferences?.rotationDays ?? DEFAULT_PREFERENCE_VALUES.rotationDays);
}
