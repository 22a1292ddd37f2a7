/** The keys table instance: sorting owned here, filters read from the table store, rows computed once per key list. */
import { useEffect, useMemo, useState } from "react";
import { useTable, type ColumnFiltersState, type SortingState } from "@tanstack/react-table";
import type { ApiKey } from "../../../../../shared/api/schemas";
import { useFindingsStore } from "../../findings";
import { createdBeforeFor, expiryRange, type KeyFilters } from "./filters";
import { DEFAULT_SORTING, keyColumns, keyTableFeatures } from "./key-columns";
import { toKeyRows, type KeyRow } from "./table-rows";
import { useVisibleRowsStore } from "./visible-rows";

/** `today` is local midnight: the rotation and expiry filters move with the day, not with every clock tick. */
export function toColumnFilters(filters: KeyFilters, rotationDays: number, today: number): ColumnFiltersState {
  const columnFilters: ColumnFiltersState = [];
  const query = filters.search.trim().toLowerCase();
  if (query) columnFilters.push({ id: "name", value: query });
  if (filters.scope !== "all") columnFilters.push({ id: "scope", value: filters.scope });
  columnFilters.push({ id: "status", value: { status: filters.status, showRevoked: filters.showRevoked } });
  const createdBefore = createdBeforeFor(filters.rotation, rotationDays, today);
  if (createdBefore !== null) columnFilters.push({ id: "rotationDue", value: createdBefore });
  const expiry = expiryRange(filters.expiry, today);
  if (expiry !== null) columnFilters.push({ id: "expiresAt", value: expiry });
  if (filters.finding !== "any") columnFilters.push({ id: "findings", value: filters.finding });
  return columnFilters;
}

const getRowId = (row: KeyRow) => row.key.id;
// Filters are changed through the table store, never by the table itself.
const ignoreFilterChange = () => undefined;

export function useKeyTable(keys: ApiKey[], filters: KeyFilters, rotationDays: number, today: number) {
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORTING);
  const findings = useFindingsStore((state) => state.openByKey);
  const rows = useMemo(() => toKeyRows(keys, findings), [keys, findings]);
  // Keyed on the values the filters compare, not the filters object: a trailing space, or a case
  // change, leaves the rows as they are instead of filtering 10,000 keys again.
  const { search, scope, status, showRevoked, rotation, expiry, finding } = filters;
  const query = search.trim().toLowerCase();
  const columnFilters = useMemo(
    () => toColumnFilters({ search: query, scope, status, showRevoked, rotation, expiry, finding }, rotationDays, today),
    [query, scope, status, showRevoked, rotation, expiry, finding, rotationDays, today],
  );
  const table = useTable({
    features: keyTableFeatures,
    columns: keyColumns,
    data: rows,
    getRowId,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: ignoreFilterChange,
    enableSortingRemoval: false,
  });
  const visible = table.getRowModel().rows;
  useEffect(() => {
    useVisibleRowsStore.setState({ keys: visible.map((row) => row.original.key) });
  }, [visible]);
  return table;
}

export type KeyTable = ReturnType<typeof useKeyTable>;
