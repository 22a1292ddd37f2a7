/**
 * The vault's status and entry list as the renderer may know them: labels and metadata, never a
 * secret (copying an entry happens in the main process, by id). Every call to the main process
 * about the vault goes through these actions.
 * Protects against: passphrases being kept (they pass through an action to the main process and
 * are not stored). Does not protect against: the form field that holds one while it is typed.
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
  setKeychainUnlock: (enabled: boolean, passphrase?: string) => Promise<void>;
  changePassphrase: (current: string, next: string) => Promise<void>;
  loadEntries: () => Promise<void>;
  removeEntry: (id: string) => Promise<void>;
  /** The user is active: postpones the idle lock. A failure only means it may lock a little early. */
  touch: () => Promise<void>;
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
  setKeychainUnlock: async (enabled, passphrase) => set({ status: await call(keyward().vault.setKeychainUnlock({ enabled, ...(passphrase ? { passphrase } : {}) })) }),
  changePassphrase: async (current, next) => set({ status: await call(keyward().vault.changePassphrase({ current, next })) }),

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

  touch: async () => {
    await keyward()
      .vault.touch(undefined)
      .catch(() => undefined);
  },
}));
