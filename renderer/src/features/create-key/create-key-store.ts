/**
 * The create dialog: whether it is open, what it starts with (a replacement starts from a revoked
 * key), and the create call. Deliberately holds no secret and no handle: the new key's handle
 * lives in the dialog's own state, its secret only in the field that shows it.
 */
import { create } from "zustand";
import type { Scope } from "../../../../shared/api/schemas";
import type { CreatedKeyView, CreateKeyInput } from "../../../../shared/ipc/contract";
import type { z } from "zod";
import { call, keyward } from "../../ipc/keyward";
import { useKeysStore } from "../inventory";

export type CreateKeyPrefill = { name: string; description: string; scope: Scope };

type CreateKeyStore = {
  open: boolean;
  prefill: CreateKeyPrefill | null;
  /** Changes on every opening so the dialog's form starts fresh each time. */
  session: number;
  openDialog: (prefill?: CreateKeyPrefill) => void;
  closeDialog: () => void;
  create: (input: z.input<typeof CreateKeyInput>) => Promise<CreatedKeyView>;
};

export const useCreateKeyStore = create<CreateKeyStore>()((set, get) => ({
  open: false,
  prefill: null,
  session: 0,
  openDialog: (prefill) => set({ open: true, prefill: prefill ?? null, session: get().session + 1 }),
  closeDialog: () => set({ open: false, prefill: null }),
  create: async (input) => {
    const created = await call(keyward().keys.create(input));
    useKeysStore.getState().upsert(created.key);
    return created;
  },
}));
