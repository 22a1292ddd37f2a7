/** Shown while keys are selected: how many, revoke them all with one reason, or clear the selection. */
import { Button } from "../../ui/Button";
import { keyCount } from "../../ui/format";
import { useKeysStore } from "../inventory";
import { useRevokeStore } from "../revoke";
import { useTableStore } from "./table-store";

export function SelectionBar() {
  const selected = useTableStore((state) => state.selected);
  const clear = useTableStore((state) => state.clearSelection);
  const keys = useKeysStore((state) => state.keys);
  const openRevoke = useRevokeStore((state) => state.openFor);
  const active = keys.filter((key) => selected.has(key.id) && key.status === "active").map((key) => key.id);
  if (active.length === 0) return null;
  return (
    <div className="selection-bar" role="region" aria-label="Selected keys">
      <span>{keyCount(active.length)} selected</span>
      <Button size="sm" variant="danger" onClick={() => openRevoke(active)}>
        Revoke selected…
      </Button>
      <Button size="sm" variant="ghost" onClick={clear}>
        Clear selection
      </Button>
    </div>
  );
}
