/** The keys table's selection checkboxes: one per row, and one for every visible active row. */
import type { ApiKey } from "../../../../../shared/api/schemas";
import { useTableStore } from "../table-store";
import { useVisibleRows } from "./visible-rows";

export function SelectRowCell({ apiKey }: { apiKey: ApiKey }) {
  const checked = useTableStore((state) => state.selected.has(apiKey.id));
  const toggle = useTableStore((state) => state.toggleSelected);
  // Only an active key can be revoked, so only it can be selected.
  if (apiKey.status !== "active") return null;
  return <input type="checkbox" className="row-check" aria-label={`Select ${apiKey.name}`} checked={checked} onChange={(event) => toggle(apiKey.id, event.target.checked)} />;
}

export function SelectAllCell() {
  const visible = useVisibleRows();
  const selected = useTableStore((state) => state.selected);
  const setSelected = useTableStore((state) => state.setSelected);
  const selectable = visible.filter((key) => key.status === "active").map((key) => key.id);
  const all = selectable.length > 0 && selectable.every((id) => selected.has(id));
  const some = !all && selectable.some((id) => selected.has(id));
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label="Select all shown active keys"
      checked={all}
      ref={(element) => {
        if (element) element.indeterminate = some;
      }}
      disabled={selectable.length === 0}
      onChange={(event) => setSelected(event.target.checked ? new Set([...selected, ...selectable]) : [...selected].filter((id) => !selectable.includes(id)))}
    />
  );
}
