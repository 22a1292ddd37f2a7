/**
 * The keys table's features and columns, built once at module load: recreating them per render
 * would throw away the table's row-model caches on every keystroke. Rows carry the values filters
 * and sorts compare (table-rows.ts), so sorting and filtering 10,000 rows compare plain values.
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
import type { KeyStatus, Scope } from "../../../../../shared/api/schemas";
import { SCOPE_RANK } from "../../../../../shared/domain/scopes";
import { EnvironmentBadge, ScopeBadge, StatusBadge } from "../../../ui/Badge";
import { FindingBadges } from "../../findings";
import { RotationDueCell } from "../../rotation";
import { findingMatches, matchesSearch, statusVisible, type FindingFilter, type KeyFilters } from "./filters";
import { AgeCell, CreatedCell, ExpiresCell, KeyDisplayCell, LastUsedCell, NameCell } from "./KeyCells";
import { KeyRowMenu } from "./KeyRowMenu";
import { SelectAllCell, SelectRowCell } from "./SelectCells";
import type { KeyRow } from "./table-rows";

export const keyTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});
type Features = typeof keyTableFeatures;

// Narrowest first, so "ascending" reads from least to most dangerous.
const STATUS_RANK: Record<KeyStatus, number> = { active: 0, expired: 1, revoked: 2 };

const comparePrimitives: SortFn<Features, KeyRow> = (a, b, columnId) => {
  const x = a.getValue<string | number>(columnId);
  const y = b.getValue<string | number>(columnId);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The search box's text, already lower-cased by the caller, in name, description, id or display form. */
const searchMatches: FilterFn<Features, KeyRow> = (row, _columnId, query: string) => matchesSearch(row.original.search, query);
const scopeIs: FilterFn<Features, KeyRow> = (row, _columnId, scope: Scope) => row.original.key.scope === scope;
const statusShown: FilterFn<Features, KeyRow> = (row, _columnId, filters: Pick<KeyFilters, "status" | "showRevoked">) => statusVisible(row.original.key.status, filters);
/** The rotation filter, as a creation time (see filters.ts): one number per row against one threshold. */
const createdBefore: FilterFn<Features, KeyRow> = (row, _columnId, before: number) => row.original.rotatable && row.original.createdMs < before;
const expiresWithin: FilterFn<Features, KeyRow> = (row, _columnId, range: { from: number; to: number } | "none") =>
  range === "none" ? row.original.expiresMs === null : row.original.expiresMs !== null && row.original.expiresMs > range.from && row.original.expiresMs < range.to;

const hasFinding: FilterFn<Features, KeyRow> = (row, _columnId, filter: Exclude<FindingFilter, "any">) => findingMatches(row.original.findingKinds, filter);

const column = createColumnHelper<Features, KeyRow>();

export const keyColumns = column.columns([
  column.display({
    id: "select",
    header: () => <SelectAllCell />,
    enableSorting: false,
    cell: ({ row }) => <SelectRowCell apiKey={row.original.key} />,
  }),
  column.accessor((row) => row.key.name.toLowerCase(), {
    id: "name",
    header: "Name",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: searchMatches,
    cell: ({ row }) => <NameCell apiKey={row.original.key} />,
  }),
  column.accessor((row) => SCOPE_RANK[row.key.scope], {
    id: "scope",
    header: "Scope",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: scopeIs,
    cell: ({ row }) => (
      <span className="cell-badges">
        <ScopeBadge scope={row.original.key.scope} />
        <EnvironmentBadge environment={row.original.key.environment} />
      </span>
    ),
  }),
  column.accessor((row) => row.key.display, {
    id: "display",
    header: "Key",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    enableColumnFilter: false,
    cell: ({ row }) => <KeyDisplayCell apiKey={row.original.key} />,
  }),
  column.accessor((row) => STATUS_RANK[row.key.status], {
    id: "status",
    header: "Status",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: statusShown,
    cell: ({ row }) => <StatusBadge status={row.original.key.status} />,
  }),
  // Most severe first when ascending; keys with no finding last.
  column.accessor((row) => row.findingRank, {
    id: "findings",
    header: "Findings",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: hasFinding,
    cell: ({ row }) => <FindingBadges keyId={row.original.key.id} />,
  }),
  column.accessor((row) => row.createdMs, {
    id: "createdAt",
    header: "Created",
    sortFn: comparePrimitives,
    sortDescFirst: true,
    enableColumnFilter: false,
    cell: ({ row }) => <CreatedCell apiKey={row.original.key} />,
  }),
  // No expiry sorts last either way: it is the farthest expiry of all.
  column.accessor((row) => row.expiresMs ?? Number.POSITIVE_INFINITY, {
    id: "expiresAt",
    header: "Expires",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: expiresWithin,
    cell: ({ row }) => <ExpiresCell apiKey={row.original.key} />,
  }),
  // Never used sorts as the oldest use: "" is before every ISO time.
  column.accessor((row) => row.key.lastUsedAt ?? "", {
    id: "lastUsedAt",
    header: "Last used",
    sortFn: comparePrimitives,
    sortDescFirst: true,
    enableColumnFilter: false,
    cell: ({ row }) => <LastUsedCell apiKey={row.original.key} />,
  }),
  // Age grows as creation time shrinks; negating keeps "ascending" meaning youngest first. The
  // first click shows the oldest first, which is what a rotation review looks for.
  column.accessor((row) => -row.createdMs, {
    id: "age",
    header: "Age",
    sortFn: comparePrimitives,
    sortDescFirst: true,
    enableColumnFilter: false,
    cell: ({ row }) => <AgeCell apiKey={row.original.key} createdMs={row.original.createdMs} rotatable={row.original.rotatable} />,
  }),
  // Only keys the policy applies to have a due date: their creation time, since one policy applies
  // to all, so "ascending" is "most overdue first". The others sort last.
  column.accessor((row) => (row.rotatable ? row.createdMs : Number.POSITIVE_INFINITY), {
    id: "rotationDue",
    header: "Rotation due",
    sortFn: comparePrimitives,
    sortDescFirst: false,
    filterFn: createdBefore,
    cell: ({ row }) => <RotationDueCell apiKey={row.original.key} createdMs={row.original.createdMs} rotatable={row.original.rotatable} />,
  }),
  column.display({
    id: "actions",
    header: () => <span className="visually-hidden">Actions</span>,
    enableSorting: false,
    cell: ({ row }) => <KeyRowMenu apiKey={row.original.key} rotatable={row.original.rotatable} />,
  }),
]);

export const DEFAULT_SORTING: SortingState = [{ id: "createdAt", desc: true }];
