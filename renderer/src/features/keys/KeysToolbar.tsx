/** Search, scope, status and rotation filters, the key count, and the create button above the keys table. */
import { SCOPES, type KeyStatus, type Scope } from "../../../../shared/api/schemas";
import { scopeLabel } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatCount, pluralize } from "../../ui/format";
import { PlusIcon, RefreshIcon } from "../../ui/icons";
import { DUE_SOON_DAYS, type RotationFilter } from "../rotation/rotation-due";
import { useKeysStore } from "./keys-store";

const STATUSES: KeyStatus[] = ["active", "revoked", "expired"];
const STATUS_OPTION_LABELS: Record<KeyStatus, string> = { active: "Active", revoked: "Revoked", expired: "Expired" };
const ROTATION_OPTIONS: { value: RotationFilter; label: string }[] = [
  { value: "any", label: "Any" },
  { value: "overdue", label: "Overdue" },
  { value: "soon", label: `Due within ${DUE_SOON_DAYS} days` },
];

type KeysToolbarProps = { total: number; shown: number; onCreate: () => void };

export function KeysToolbar({ total, shown, onCreate }: KeysToolbarProps) {
  const filters = useKeysStore((state) => state.filters);
  const setFilters = useKeysStore((state) => state.setFilters);
  const refresh = useKeysStore((state) => state.refresh);
  const refreshing = useKeysStore((state) => state.refreshing);

  return (
    <div className="toolbar">
      <div className="toolbar-filters">
        <input
          type="search"
          className="input search-input"
          aria-label="Search keys"
          placeholder="Search by name"
          value={filters.search}
          onChange={(event) => setFilters({ search: event.target.value })}
        />
        <label className="select-label">
          <span>Scope</span>
          <select className="select" value={filters.scope} onChange={(event) => setFilters({ scope: event.target.value as Scope | "all" })}>
            <option value="all">All scopes</option>
            {SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {scopeLabel(scope)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-label">
          <span>Status</span>
          <select className="select" value={filters.status} onChange={(event) => setFilters({ status: event.target.value as KeyStatus | "all" })}>
            <option value="all">All statuses</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_OPTION_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="select-label">
          <span>Rotation</span>
          <select
            className="select"
            value={filters.rotation}
            title="By the rotation policy in Settings. Due within 14 days includes overdue keys."
            onChange={(event) => setFilters({ rotation: event.target.value as RotationFilter })}
          >
            {ROTATION_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="toolbar-count" aria-live="polite">
        {shown === total ? pluralize(total, "key") : `${formatCount(shown)} of ${pluralize(total, "key")}`}
      </p>
      <div className="toolbar-actions">
        <Button variant="ghost" className="icon-only" aria-label="Refresh keys" title="Refresh keys" busy={refreshing} onClick={() => void refresh()}>
          {refreshing ? null : <RefreshIcon />}
        </Button>
        <Button variant="primary" onClick={onCreate}>
          <PlusIcon />
          Create API Key
        </Button>
      </div>
    </div>
  );
}
