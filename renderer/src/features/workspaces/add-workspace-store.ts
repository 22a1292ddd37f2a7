/** Whether the "Add workspace" dialog is open: it can be opened from the switcher and from Settings. */
import { create } from "zustand";

export const useAddWorkspaceStore = create<{ open: boolean; setOpen: (open: boolean) => void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
