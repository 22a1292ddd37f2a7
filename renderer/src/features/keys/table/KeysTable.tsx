/**
 * The keys table: TanStack Table for sorting and filtering, TanStack Virtual so that only the rows
 * in view are in the DOM (10,000 keys stay smooth). Real table elements with explicit roles keep
 * table semantics even though rows are laid out with CSS grid and absolute positioning. The
 * selection and name columns stay pinned on the left and the actions on the right when a narrow
 * window scrolls the table sideways. A click on a row (outside its controls) opens its details.
 */
import { memo, useCallback, useRef, type CSSProperties, type MouseEvent, type ReactNode } from "react";
import { FlexRender, type Row } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useKeyDetailsStore } from "../../key-details";
import type { keyTableFeatures } from "./key-columns";
import { SortHeader } from "./SortHeader";
import type { KeyRow } from "./table-rows";
import type { KeyTable } from "./useKeyTable";

const ROW_HEIGHT = 64;
type TableRow = Row<typeof keyTableFeatures, KeyRow>;

/** `noMatches` is shown in place of rows when the filters leave none. */
export function KeysTable({ table, noMatches }: { table: KeyTable; noMatches: ReactNode }) {
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The same function while the rows are the same: a new one makes the virtualizer measure every row again.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 8,
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <>
      {/* The skip link's target: beside the table, not around it (a focusable ancestor would take focus from the rows' menus). */}
      <h2 className="visually-hidden" id="keys-table" tabIndex={-1}>
        Keys table
      </h2>
      <div className="table-scroll" ref={scrollRef}>
        <table role="table" className="keys-table" aria-label="API keys" aria-rowcount={rows.length + 1}>
          <thead role="rowgroup" className="keys-thead">
            <tr role="row" className="keys-row keys-header-row" aria-rowindex={1}>
              {headers.map((header) => (
                <SortHeader key={header.id} header={header} />
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup" className="keys-tbody" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return row ? <KeyTableRow key={row.id} row={row} rowIndex={item.index + 2} top={item.start} /> : null;
            })}
          </tbody>
        </table>
        {rows.length === 0 ? <div className="table-no-matches">{noMatches}</div> : null}
      </div>
    </>
  );
}

/** A click on the row itself, not on one of its buttons, inputs or links. */
function onRowClick(event: MouseEvent, open: () => void): void {
  if ((event.target as HTMLElement).closest("button, a, input, [role='menu'], [data-radix-popper-content-wrapper]")) return;
  open();
}

// Memoized on the row object, which the table keeps while sorting and filters are unchanged: scrolling re-renders only rows that enter view.
const KeyTableRow = memo(function KeyTableRow({ row, rowIndex, top }: { row: TableRow; rowIndex: number; top: number }) {
  const openDetails = useKeyDetailsStore((state) => state.open);
  const style: CSSProperties = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  const key = row.original.key;
  return (
    <tr role="row" className={`keys-row keys-body-row status-${key.status}`} data-key-id={key.id} aria-rowindex={rowIndex} style={style} onClick={(event) => onRowClick(event, () => openDetails(key.id))}>
      {row.getAllCells().map((cell) => (
        <td role="cell" key={cell.id} className={`cell cell-${cell.column.id}`}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
});
