/**
 * Which key the revoke dialog is about (null when closed), and the notice shown after a
 * revocation. A "compromised" one carries the offer of a replacement.
 */
import { create } from "zustand";
import type { ApiKey } from "../../../../../shared/api/schemas";

export type RevokedNotice = { key: ApiKey; offerReplacement: boolean };

type RevokeStore = {
  keyId: string | null;
  notice: RevokedNotice | null;
  openFor: (keyId: string) => void;
  close: () => void;
  showNotice: (notice: RevokedNotice) => void;
  dismissNotice: () => void;
};

export const useRevokeStore = create<RevokeStore>()((set) => ({
  keyId: null,
  notice: null,
  openFor: (keyId) => set({ keyId }),
  close: () => set({ keyId: null }),
  showNotice: (notice) => set({ notice, keyId: null }),
  dismissNotice: () => set({ notice: null }),
}));
