/**
 * The vault's status and entry list as the renderer may know them: labels and metadata, never a
 * secret (copying an entry happens in the main process, by id).
 */
import { create } from "zustand";
import type { EventPayload, VaultEntrySummary, VaultStatus } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

export type LockReason = NonNullable<EventPayload<"vault.changed">["reason"]>;

type VaultStore = {
  status: VaultStatus | null;
  statusError: string | null;
  /** Why the vault last locked by itself (idle, sleep, screen lock), to tell the user. */
  lockReason: LockReason | null;
  entries: VaultEntrySummary[] | null;
  entriesError: string | null;
  loadStatus: () => Promise<void>;
  applyChange: (change: EventPayload<"vault.changed">) => void;
  create: (passphrase: string) => Promise<void>;
  unlock: (passphrase: string) => Promise<void>;
  unlockWithKeychain: () => Promise<void>;
  lock: () => Promise<void>;
  setKeychainUnlock: (enabled: boolean) => Promise<void>;
  loadEntries: () => Promise<void>;
  removeEntry: (id: string) => Promise<void>;
};

export const useVaultStore = create<VaultStore>()((set, get) => ({
  status: null,
  statusError: null,
  lockReason: null,
  entries: null,
  entriesError: null,

  loadStatus: async () => {
    try {
      set({ status: await call(keyward().vault.status(undefined)), statusError: null });
    } catch (error) {
      set({ statusError: errorMessage(error) });
    }
  },

  applyChange: ({ reason, ...status }) => {
    const lockedBySystem = !status.unlocked && reason !== undefined && reason !== "manual";
    set({
      status,
      lockReason: status.unlocked ? null : lockedBySystem ? reason : get().lockReason,
      // A locked vault lists nothing; an unlocked one may have changed (a key kept, an entry removed).
      entries: status.unlocked ? get().entries : null,
    });
    if (status.unlocked) void get().loadEntries();
  },

  create: async (passphrase) => set({ status: await call(keyward().vault.create({ passphrase })), lockReason: null }),
  unlock: async (passphrase) => set({ status: await call(keyward().vault.unlock({ passphrase })), lockReason: null }),
  unlockWithKeychain: async () => set({ status: await call(keyward().vault.unlockWithKeychain(undefined)), lockReason: null }),
  lock: async () => set({ status: await call(keyward().vault.lock(undefined)), lockReason: null, entries: null }),
  setKeychainUnlock: async (enabled) => set({ status: await call(keyward().vault.setKeychainUnlock({ enabled })) }),

  loadEntries: async () => {
    try {
      set({ entries: await call(keyward().vault.entries(undefined)), entriesError: null });
    } catch (error) {
      set({ entriesError: errorMessage(error) });
    }
  },

  removeEntry: async (id) => {
    const entries = await call(keyward().vault.removeEntry({ id }));
    set({ entries, status: await call(keyward().vault.status(undefined)) });
  },
}));
