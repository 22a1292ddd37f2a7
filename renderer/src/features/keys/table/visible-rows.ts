/**
 * The rows the table shows now (after filters and sort), shared with the cells and the toolbar that
 * act on them (select all, export): the table publishes them, once per change, not per cell.
 */
import { create } from "zustand";
import type { ApiKey } from "../../../../../shared/api/schemas";

export const useVisibleRowsStore = create<{ keys: ApiKey[] }>()(() => ({ keys: [] }));

export function useVisibleRows(): ApiKey[] {
  return useVisibleRowsStore((state) => state.keys);
}
