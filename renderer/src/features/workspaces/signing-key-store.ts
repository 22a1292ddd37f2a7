/** The connected workspace's audit signing key (public: its fingerprint is compared out of band), read once per workspace. */
import { create } from "zustand";
import type { SigningKeyView } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type SigningKeyStore = {
  /** The app's id of the workspace the key was read for. */
  workspaceId: string | null;
  key: SigningKeyView | null;
  error: string | null;
  load: (workspaceId: string) => Promise<void>;
};

export const useSigningKeyStore = create<SigningKeyStore>()((set, get) => ({
  workspaceId: null,
  key: null,
  error: null,
  load: async (workspaceId) => {
    set({ workspaceId, key: null, error: null });
    try {
      const key = await call(keyward().audit.signingKey(undefined));
      if (get().workspaceId === workspaceId) set({ key });
    } catch (error) {
      if (get().workspaceId === workspaceId) set({ error: errorMessage(error) });
    }
  },
}));
