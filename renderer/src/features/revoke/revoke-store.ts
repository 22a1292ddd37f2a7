/**
 * Which keys the revoke dialog is about (null when closed: one key, or several from the table's
 * selection), and the notice shown after a revocation. A "compromised" one carries the offer of a
 * replacement.
 */
import { create } from "zustand";
import type { ApiKey } from "../../../../shared/api/schemas";

export type RevokedNotice = { keys: ApiKey[]; failed: { id: string; message: string }[]; offerReplacement: boolean };

type RevokeStore = {
  keyIds: string[] | null;
  notice: RevokedNotice | null;
  openFor: (keyIds: string[]) => void;
  close: () => void;
  showNotice: (notice: RevokedNotice) => void;
  dismissNotice: () => void;
};

export const useRevokeStore = create<RevokeStore>()((set) => ({
  keyIds: null,
  notice: null,
  openFor: (keyIds) => set({ keyIds }),
  close: () => set({ keyIds: null }),
  showNotice: (notice) => set({ notice, keyIds: null }),
  dismissNotice: () => set({ notice: null }),
}));
