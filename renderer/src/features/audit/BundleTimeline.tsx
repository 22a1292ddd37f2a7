/** An opened bundle's events, newest first, filtered by key, type and dates, a page at a time. */
import type { ApiKey } from "../../../../shared/api/schemas";
import { auditEventLabel } from "../../../../shared/domain/audit-events";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { countOf } from "../../ui/format";
import { LabeledSelect } from "../../ui/LabeledSelect";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { NO_TIMELINE_FILTERS, useBundleStore } from "./bundle-store";
import { EventTable } from "./EventTable";
import { DateFilter } from "./LogFilters";

export function BundleTimeline({ keys, eventTypes, eventCount }: { keys: ApiKey[]; eventTypes: string[]; eventCount: number }) {
  const events = useBundleStore((state) => state.events);
  const next = useBundleStore((state) => state.next);
  const filters = useBundleStore((state) => state.filters);
  const setFilters = useBundleStore((state) => state.setFilters);
  const loadEvents = useBundleStore((state) => state.loadEvents);
  const error = useBundleStore((state) => state.timelineError);
  const older = useAsyncAction();
  const names = new Map(keys.map((key) => [key.id, key.name]));
  const keyOptions = [{ value: "", label: "All keys" }, ...[...keys].sort((a, b) => a.name.localeCompare(b.name)).map((key) => ({ value: key.id, label: `${key.name} (${key.display})` }))];
  const typeOptions = [{ value: "", label: "All types" }, ...eventTypes.map((type) => ({ value: type, label: `${auditEventLabel(type)} (${type})` }))];
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_TIMELINE_FILTERS);

  return (
    <Section level={2} className="card" title="Event timeline" aside={<span className="muted">{countOf(eventCount, "event")} in the bundle, newest first</span>}>
      <div className="toolbar audit-filters" role="group" aria-label="Filter the timeline">
        <LabeledSelect label="Key" value={filters.keyId} options={keyOptions} onChange={(keyId) => setFilters({ keyId })} />
        <LabeledSelect label="Type" value={filters.type} options={typeOptions} onChange={(type) => setFilters({ type })} />
        <DateFilter label="From" value={filters.from} onChange={(from) => setFilters({ from })} />
        <DateFilter label="To" value={filters.to} onChange={(to) => setFilters({ to })} />
        {filtered ? (
          <Button size="sm" variant="ghost" onClick={() => setFilters(NO_TIMELINE_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {events.length === 0 ? <p className="muted audit-empty">No events match.</p> : <EventTable events={events} caption="The bundle's events, newest first" keyName={(id) => names.get(id)} showSource={false} />}
      <div className="audit-list-footer">
        <span className="muted" aria-live="polite">
          {countOf(events.length, "event")} shown
        </span>
        {next !== null ? (
          <Button busy={older.busy} onClick={() => void older.run(() => loadEvents(true))}>
            Load older
          </Button>
        ) : null}
      </div>
    </Section>
  );
}
