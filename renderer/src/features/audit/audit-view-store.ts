/** Which part of the Audit screen is shown: the audit log, the opened bundle, or the reviews. Kept while the app runs. */
import { create } from "zustand";

export type AuditView = "log" | "bundle" | "reviews";

export const useAuditViewStore = create<{ view: AuditView | null; show: (view: AuditView) => void }>()((set) => ({
  view: null,
  show: (view) => set({ view }),
}));
