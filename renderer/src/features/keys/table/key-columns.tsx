/**
 * The keys table's features and columns, built once at module load: recreating them per render
 * would throw away the table's row-model caches on every keystroke. Accessors return cheap,
 * comparable primitives (lower-cased names, ranks, timestamps) so that sorting 10,000 rows compares
 * plain values, and the cells render from `row.original`.
 */
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  type FilterFn,
  type SortFn,
  type SortingState,
} from "@tanstack/react-table";
import type { ApiKey, KeyStatus, Scope } from "../../../../../shared/api/schemas";
import { ScopeBadge, StatusBadge } from "../../../ui/Badge";
import { AgeCell, CreatedCell, KeyDisplayCell, LastUsedCell, NameCell } from "./KeyCells";
import { RotationDueCell } from "../../rotation/RotationDueCell";
import { KeyRowMenu } from "./KeyRowMenu";

export const keyTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});
type Features = typeof keyTableFeatures;

// Narrowest first, so "ascending" reads from least to most dangerous.
const SCOPE_RANK: Record<Scope, number> = { read: 0, write: 1, full: 2 };
const STATUS_RANK: Record<KeyStatus, number> = { active: 0, expired: 1, revoked: 2 };

const comparePrimitives: SortFn<Features, ApiKey> = (a, b, columnId) => {
  const x = a.getValue<string | number>(columnId);
  const y = b.getValue<string | number>(columnId);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The search box's text, already lower-cased by the caller, anywhere in the (lower-cased) name. */
const nameContains: FilterFn<Features, ApiKey> = (row, columnId, query: string) => row.getValue<string>(columnId).includes(query);
const scopeIs: FilterFn<Features, ApiKey> = (row, _columnId, scope: Scope) => row.original.scope === scope;
const statusIs: FilterFn<Features, ApiKey> = (row, _columnId, status: KeyStatus) => row.original.status === status;
/** The rotation filter, as a creation time (see rotation-due.ts): one cached number per row against one threshold. */
const createdBefore: FilterFn<Features, ApiKey> = (row, columnId, before: number) => row.getValue<number>(columnId) < before;

const column = createColumnHelper<Features, ApiKey>();

export const keyColumns = column.columns([
  column.accessor((key) => key.name.toLowerCase(), {
    id: "name",
    header: "Name",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: nameContains,
    cell: ({ row }) => <NameCell apiKey={row.original} />,
  }),
  column.accessor((key) => SCOPE_RANK[key.scope], {
    id: "scope",
    header: "Scope",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: scopeIs,
    cell: ({ row }) => <ScopeBadge scope={row.original.scope} />,
  }),
  column.accessor("display", {
    header: "Key",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    enableColumnFilter: false,
    cell: ({ row }) => <KeyDisplayCell apiKey={row.original} />,
  }),
  column.accessor((key) => STATUS_RANK[key.status], {
    id: "status",
    header: "Status",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: statusIs,
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  }),
  column.accessor("createdAt", {
    header: "Created",
    sortFn: comparePrimitives,
    sortDescFirst: true,
    enableColumnFilter: false,
    cell: ({ row }) => <CreatedCell apiKey={row.original} />,
  }),
  // Never used sorts as the oldest use: "" is before every ISO time.
  column.accessor((key) => key.lastUsedAt ?? "", {
    id: "lastUsedAt",
    header: "Last used",
    sortFn: comparePrimitives,
    sortDescFirst: true,
    enableColumnFilter: false,
    cell: ({ row }) => <LastUsedCell apiKey={row.original} />,
  }),
  // Age grows as creation time shrinks; negating keeps "ascending" meaning youngest first. The
  // first click shows the oldest first, which is what a rotation review looks for.
  column.accessor((key) => -Date.parse(key.createdAt), {
    id: "age",
    header: "Age",
    sortFn: comparePrimitives,
    sortDescFirst: true,
    enableColumnFilter: false,
    cell: ({ row }) => <AgeCell apiKey={row.original} />,
  }),
  // Only keys that can still be rotated (active, not yet replaced) have a due date: their creation
  // time, since one policy applies to all, so "ascending" is "most overdue first". The others sort last.
  column.accessor((key) => (key.status === "active" && key.replacedById === null ? Date.parse(key.createdAt) : Number.POSITIVE_INFINITY), {
    id: "rotationDue",
    header: "Rotation due",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: createdBefore,
    cell: ({ row }) => <RotationDueCell apiKey={row.original} createdMs={row.getValue<number>("rotationDue")} />,
  }),
  column.display({
    id: "actions",
    header: () => <span className="visually-hidden">Actions</span>,
    enableSorting: false,
    cell: ({ row }) => <KeyRowMenu apiKey={row.original} />,
  }),
]);

export const DEFAULT_SORTING: SortingState = [{ id: "createdAt", desc: true }];
