/** A sortable column header: a button that names the column, with aria-sort on the header cell. */
import { FlexRender, type Header } from "@tanstack/react-table";
import { SortIcon } from "../../../ui/icons";
import type { keyTableFeatures } from "./key-columns";
import type { KeyRow } from "./table-rows";

type KeyHeader = Header<typeof keyTableFeatures, KeyRow, unknown>;

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function SortHeader({ header }: { header: KeyHeader }) {
  const column = header.column;
  const label = <FlexRender header={header} />;
  if (!column.getCanSort()) {
    return (
      <th role="columnheader" className={`cell cell-${column.id}`}>
        {label}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th role="columnheader" className={`cell cell-${column.id}`} aria-sort={sorted ? ARIA_SORT[sorted] : "none"}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        <span>{label}</span>
        <SortIcon sortDirection={sorted} />
      </button>
    </th>
  );
}
