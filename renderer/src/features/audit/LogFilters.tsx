/**
 * The audit log view's filters: source, key, type, actor (any part of it) and a date range. Each
 * change reads the first page again; the actor waits for a pause in typing.
 */
import { useEffect, useId, useMemo, useState } from "react";
import type { ApiKey } from "../../../../shared/api/schemas";
import { Button } from "../../ui/Button";
import { LabeledSelect } from "../../ui/LabeledSelect";
import { EVENT_TYPE_OPTIONS } from "./audit-text";
import { NO_FILTERS, useAuditLogStore, type LogFilters as Filters } from "./audit-log-store";

const SOURCES = [
  { value: "all", label: "Both" },
  { value: "workspace", label: "Workspace" },
  { value: "app", label: "This app" },
] as const;

export function LogFilters({ keys }: { keys: ApiKey[] }) {
  const filters = useAuditLogStore((state) => state.filters);
  const setFilters = useAuditLogStore((state) => state.setFilters);
  const [actor, setActor] = useState(filters.actor);
  useEffect(() => {
    if (actor === filters.actor) return undefined;
    const timer = setTimeout(() => setFilters({ actor }), 300);
    return () => clearTimeout(timer);
  }, [actor, filters.actor, setFilters]);
  // Sorted once per key list, not on every keystroke in the actor field.
  const keyOptions = useMemo(() => [{ value: "", label: "All keys" }, ...[...keys].sort((a, b) => a.name.localeCompare(b.name)).map((key) => ({ value: key.id, label: `${key.name} (${key.display})` }))], [keys]);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <div className="toolbar audit-filters" role="group" aria-label="Filter the audit log">
      <LabeledSelect<Filters["source"]> label="Source" value={filters.source} options={SOURCES} onChange={(source) => setFilters({ source })} />
      <LabeledSelect label="Key" value={filters.keyId} options={keyOptions} onChange={(keyId) => setFilters({ keyId })} />
      <LabeledSelect label="Type" value={filters.type} options={[{ value: "", label: "All types" }, ...EVENT_TYPE_OPTIONS]} onChange={(type) => setFilters({ type })} />
      <TextFilter label="Actor" value={actor} placeholder="e.g. atk_ or keyward" onChange={setActor} />
      <DateFilter label="From" value={filters.from} onChange={(from) => setFilters({ from })} />
      <DateFilter label="To" value={filters.to} onChange={(to) => setFilters({ to })} />
      {filtered ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setActor("");
            setFilters(NO_FILTERS);
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

export function TextFilter({ label, value, placeholder, onChange }: { label: string; value: string; placeholder?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <span className="select-label">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input audit-filter-text" type="search" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </span>
  );
}

export function DateFilter({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <span className="select-label">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input input-date audit-filter-date" type="date" value={value} onChange={(event) => onChange(event.target.value)} />
    </span>
  );
}
