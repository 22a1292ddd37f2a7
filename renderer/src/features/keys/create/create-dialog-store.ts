/**
 * Whether the create dialog is open, and what it starts with (a replacement starts from the revoked
 * key). Deliberately holds no secret: the generated key lives only in the dialog's own state.
 */
import { create } from "zustand";
import type { Scope } from "../../../../../shared/api/schemas";

export type CreateKeyPrefill = { name: string; description: string; scope: Scope };

type CreateDialogStore = {
  open: boolean;
  prefill: CreateKeyPrefill | null;
  /** Changes on every opening so the dialog's form starts fresh each time. */
  session: number;
  openDialog: (prefill?: CreateKeyPrefill) => void;
  closeDialog: () => void;
};

export const useCreateDialogStore = create<CreateDialogStore>()((set, get) => ({
  open: false,
  prefill: null,
  session: 0,
  openDialog: (prefill) => set({ open: true, prefill: prefill ?? null, session: get().session + 1 }),
  closeDialog: () => set({ open: false, prefill: null }),
}));
