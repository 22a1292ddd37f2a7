/** The keys table's own state: its filters and which rows are selected. Nothing here reaches the main process. */
import { create } from "zustand";
import { NO_FILTERS, type KeyFilters } from "./table/filters";

type TableStore = {
  filters: KeyFilters;
  /** Selected key ids (for bulk revoke); kept across filtering, dropped when the workspace changes. */
  selected: ReadonlySet<string>;
  setFilters: (patch: Partial<KeyFilters>) => void;
  resetFilters: () => void;
  setSelected: (ids: Iterable<string>) => void;
  toggleSelected: (id: string, on: boolean) => void;
  clearSelection: () => void;
};

export const useTableStore = create<TableStore>()((set, get) => ({
  filters: NO_FILTERS,
  selected: new Set(),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  resetFilters: () => set({ filters: NO_FILTERS }),
  setSelected: (ids) => set({ selected: new Set(ids) }),
  toggleSelected: (id, on) => {
    const next = new Set(get().selected);
    if (on) next.add(id);
    else next.delete(id);
    set({ selected: next });
  },
  clearSelection: () => set({ selected: new Set() }),
}));
