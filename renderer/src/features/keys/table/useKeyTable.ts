/** The keys table instance: sorting owned here, filters read from the keys store's filter state. */
import { useMemo, useState } from "react";
import { useTable, type ColumnFiltersState, type SortingState } from "@tanstack/react-table";
import type { ApiKey } from "../../../../../shared/api/schemas";
import { createdBeforeFor } from "../../rotation/rotation-due";
import type { KeyFilters } from "../keys-store";
import { DEFAULT_SORTING, keyColumns, keyTableFeatures } from "./key-columns";

/** `today` is local midnight: the rotation filter moves with the day, not with every clock tick. */
function toColumnFilters({ search, scope, status, rotation }: KeyFilters, rotationDays: number, today: number): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  const query = search.trim().toLowerCase();
  if (query) filters.push({ id: "name", value: query });
  if (scope !== "all") filters.push({ id: "scope", value: scope });
  if (status !== "all") filters.push({ id: "status", value: status });
  const createdBefore = createdBeforeFor(rotation, rotationDays, today);
  if (createdBefore !== null) filters.push({ id: "rotationDue", value: createdBefore });
  return filters;
}

const getRowId = (key: ApiKey) => key.id;
// Filters are changed through the keys store, never by the table itself.
const ignoreFilterChange = () => undefined;

export function useKeyTable(keys: ApiKey[], filters: KeyFilters, rotationDays: number, today: number) {
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORTING);
  const columnFilters = useMemo(() => toColumnFilters(filters, rotationDays, today), [filters, rotationDays, today]);
  return useTable({
    features: keyTableFeatures,
    columns: keyColumns,
    data: keys,
    getRowId,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: ignoreFilterChange,
    enableSortingRemoval: false,
  });
}

export type KeyTable = ReturnType<typeof useKeyTable>;
