/**
 * Audit events as a table, newest first: when (to the second), where from (the workspace or this
 * app), what happened and its detail, the key, who did it and the event's number in its chain.
 * The audit log view and an opened bundle's timeline both show events this way.
 */
import type { AuditEvent } from "../../../../shared/api/schemas";
import type { AuditLogSource } from "../../../../shared/ipc/contract";
import { DataTable, type Column } from "../../ui/DataTable";
import { actorLabel, eventDetail, eventLabel, formatEventTime, SOURCE_LABELS } from "./audit-text";

type Row = AuditEvent & { source?: AuditLogSource };

const WHEN: Column = { header: "When", className: "audit-col-when" };
const REST: Column[] = ["Event", { header: "Key", className: "audit-col-key" }, { header: "Actor", className: "audit-col-actor" }];
const COLUMNS = [WHEN, ...REST];
const WITH_SOURCE = [WHEN, { header: "Source", className: "audit-col-source" }, ...REST];

export function EventTable({ events, caption, keyName, showSource }: { events: Row[]; caption: string; keyName: (id: string) => string | undefined; showSource: boolean }) {
  return (
    <div className="audit-table-wrap">
      <DataTable className="simple-table simple-table-dense audit-table" caption={caption} columns={showSource ? WITH_SOURCE : COLUMNS}>
        {events.map((event) => {
          const source = event.source ?? "workspace";
          const detail = eventDetail(event);
          const name = event.keyId ? keyName(event.keyId) : undefined;
          return (
            <tr key={`${source}-${event.seq}`}>
              <td>
                <time dateTime={event.at} className="audit-time">
                  {formatEventTime(event.at)}
                </time>
              </td>
              {showSource ? (
                <td>
                  <span className={`badge audit-source audit-source-${source}`}>{SOURCE_LABELS[source]}</span>
                </td>
              ) : null}
              <td>
                <span className="audit-event-label">{eventLabel(event)}</span>
                {detail ? <span className="muted audit-event-detail">{detail}</span> : null}
              </td>
              <td className="audit-key-cell">
                {event.keyId ? (
                  <>
                    {name ? <span className="audit-key-name">{name}</span> : null}
                    <code className="audit-key-id">{event.keyId}</code>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="audit-actor-cell">
                <span>{actorLabel(event.actor)}</span>
                <span className="muted audit-seq">#{event.seq}</span>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
