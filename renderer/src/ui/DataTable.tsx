/**
 * A table of records: its caption (the table's name for screen readers; shown only when given a
 * class other than visually-hidden), a header cell per column, and the rows its owner draws. A
 * column whose header only screen readers need (actions, a checkbox) is `hidden`. The keys table
 * (sorting, virtual rows) is its own thing; this one is for the plain lists of every other screen.
 */
import type { ReactNode } from "react";

type ColumnSpec = { header: string; className?: string; hidden?: boolean };
export type Column = string | ColumnSpec;

/** The last column of most tables: a row's buttons, under a header only screen readers read. */
export const ACTIONS_COLUMN: Column = { header: "Actions", hidden: true };

type DataTableProps = {
  caption: string;
  captionClassName?: string;
  className?: string;
  columns: readonly Column[];
  children: ReactNode;
};

export function DataTable({ caption, captionClassName = "visually-hidden", className, columns, children }: DataTableProps) {
  return (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => {
            const { header, className: columnClass, hidden }: ColumnSpec = typeof column === "string" ? { header: column } : column;
            return (
              <th key={header} scope="col" className={columnClass}>
                {hidden ? <span className="visually-hidden">{header}</span> : header}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
