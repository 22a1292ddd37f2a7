/**
 * When the clipboard will be cleared, if it holds a secret Keyward put there. The renderer never
 * reads or writes the clipboard: it only knows this time, from the main process.
 */
import { create } from "zustand";
import type { CopyResult } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";

type ClipboardStore = {
  clearsAt: string | null;
  setClearsAt: (clearsAt: string | null) => void;
  load: () => Promise<void>;
  copySecret: (handle: string) => Promise<CopyResult>;
  copyVaultEntry: (id: string) => Promise<CopyResult>;
  /** The new key of a rotation in progress, held by the main process or in the vault. */
  copyRotationKey: (oldKeyId: string) => Promise<CopyResult>;
  clear: () => Promise<void>;
};

export const useClipboardStore = create<ClipboardStore>()((set) => ({
  clearsAt: null,
  setClearsAt: (clearsAt) => set({ clearsAt }),

  load: async () => {
    try {
      set({ clearsAt: (await call(keyward().clipboard.status(undefined))).clearsAt });
    } catch {
      // Only the countdown pill depends on this; `clipboard.changed` will bring the state later.
    }
  },

  copySecret: async (handle) => {
    const result = await call(keyward().clipboard.copySecret({ handle }));
    set({ clearsAt: result.clearsAt });
    return result;
  },

  copyVaultEntry: async (id) => {
    const result = await call(keyward().clipboard.copyVaultEntry({ id }));
    set({ clearsAt: result.clearsAt });
    return result;
  },

  copyRotationKey: async (oldKeyId) => {
    const result = await call(keyward().rotation.copyNewKey({ oldKeyId }));
    set({ clearsAt: result.clearsAt });
    return result;
  },

  clear: async () => {
    set({ clearsAt: (await call(keyward().clipboard.clear(undefined))).clearsAt });
  },
}));
