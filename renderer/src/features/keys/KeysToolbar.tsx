/** Search and filters above the keys table, the count of what shows, and the table's actions (refresh, export, create). */
import { DropdownMenu } from "radix-ui";
import { SCOPES, type KeyStatus, type Scope } from "../../../../shared/api/schemas";
import { DUE_SOON_DAYS } from "../../../../shared/domain/rotation-policy";
import { scopeLabel } from "../../../../shared/domain/scopes";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { LabeledSelect } from "../../ui/LabeledSelect";
import { formatCount, keyCount } from "../../ui/format";
import { ChevronDownIcon, PlusIcon, RefreshIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useKeysStore } from "../inventory";
import { FINDING_KINDS, FINDING_TITLES } from "../../../../shared/domain/findings";
import { EXPIRING_SOON_DAYS, type ExpiryFilter, type FindingFilter, type RotationFilter } from "./table/filters";
import { useVisibleRows } from "./table/visible-rows";
import { useTableStore } from "./table-store";

const SCOPE_OPTIONS: { value: Scope | "all"; label: string }[] = [{ value: "all", label: "All scopes" }, ...SCOPES.map((scope) => ({ value: scope, label: scopeLabel(scope) }))];
const STATUS_OPTIONS: { value: KeyStatus | "all"; label: string }[] = [
  { value: "all", label: "All statuses" },
  { value: "active", label: "Active" },
  { value: "revoked", label: "Revoked" },
  { value: "expired", label: "Expired" },
];
const ROTATION_OPTIONS: { value: RotationFilter; label: string }[] = [
  { value: "any", label: "Any" },
  { value: "overdue", label: "Overdue" },
  { value: "soon", label: `Due within ${DUE_SOON_DAYS} days` },
];
const EXPIRY_OPTIONS: { value: ExpiryFilter; label: string }[] = [
  { value: "any", label: "Any" },
  { value: "soon", label: `Expiring in ${EXPIRING_SOON_DAYS} days` },
  { value: "none", label: "No expiry" },
];

const FINDING_OPTIONS: { value: FindingFilter; label: string }[] = [
  { value: "any", label: "Any" },
  { value: "with", label: "With findings" },
  ...FINDING_KINDS.map((kind) => ({ value: kind, label: FINDING_TITLES[kind] })),
];

/** `shown`: the rows the table shows, counted in the same render as the rows themselves. */
type KeysToolbarProps = { total: number; shown: number; retired: number; onCreate: () => void };

export function KeysToolbar({ total, shown, retired, onCreate }: KeysToolbarProps) {
  const filters = useTableStore((state) => state.filters);
  const setFilters = useTableStore((state) => state.setFilters);
  const refresh = useKeysStore((state) => state.refresh);
  const refreshing = useKeysStore((state) => state.refreshing);

  return (
    <div className="toolbar">
      <div className="toolbar-filters">
        <input
          type="search"
          className="input search-input"
          aria-label="Search keys"
          placeholder="Search name, description, id or key"
          value={filters.search}
          onChange={(event) => setFilters({ search: event.target.value })}
        />
        <LabeledSelect label="Scope" value={filters.scope} options={SCOPE_OPTIONS} onChange={(scope) => setFilters({ scope })} />
        <LabeledSelect label="Status" value={filters.status} options={STATUS_OPTIONS} onChange={(status) => setFilters({ status })} />
        <LabeledSelect label="Rotation" value={filters.rotation} options={ROTATION_OPTIONS} title="By the rotation policy in Settings. Due within 14 days includes overdue keys." onChange={(rotation) => setFilters({ rotation })} />
        <LabeledSelect label="Expiry" value={filters.expiry} options={EXPIRY_OPTIONS} onChange={(expiry) => setFilters({ expiry })} />
        <LabeledSelect label="Findings" value={filters.finding} options={FINDING_OPTIONS} title="Monitoring's open findings (see Findings)" onChange={(finding) => setFilters({ finding })} />
        {filters.status === "all" ? (
          <label className="inline-check">
            <input type="checkbox" checked={filters.showRevoked} onChange={(event) => setFilters({ showRevoked: event.target.checked })} />
            Show revoked and expired ({formatCount(retired)})
          </label>
        ) : null}
      </div>
      <p className="toolbar-count" aria-live="polite">
        {shown === total ? keyCount(total) : `${formatCount(shown)} of ${keyCount(total)}`}
      </p>
      <div className="toolbar-actions">
        <Button variant="ghost" className="icon-only" aria-label="Refresh keys" title="Refresh keys" busy={refreshing} onClick={() => void refresh()}>
          {refreshing ? null : <RefreshIcon />}
        </Button>
        <ExportMenu />
        <Button variant="primary" onClick={onCreate}>
          <PlusIcon />
          Create API Key
        </Button>
      </div>
    </div>
  );
}

/** Exports the rows the table shows, in their order, as CSV or JSON (public fields only). */
function ExportMenu() {
  const visible = useVisibleRows();
  const exportKeys = useKeysStore((state) => state.exportKeys);
  const exporting = useAsyncAction();
  const run = (format: "csv" | "json") => void exporting.run(() => exportKeys(visible.map((key) => key.id), format));
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button busy={exporting.busy} disabled={visible.length === 0}>
            Export
            <ChevronDownIcon />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={document.getElementById("main")}>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu-item" onSelect={() => run("csv")}>
              Shown keys as CSV…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => run("json")}>
              Shown keys as JSON…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {exporting.error ? <Alert>{exporting.error.message}</Alert> : null}
    </>
  );
}
