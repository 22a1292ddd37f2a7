/**
 * Audit events as a table, newest first: when (to the second), where from (the workspace or this
 * app), what happened and its detail, the key, who did it and the event's number in its chain.
 * The audit log view and an opened bundle's timeline both show events this way.
 */
import type { AuditEvent } from "../../../../shared/api/schemas";
import type { AuditLogSource } from "../../../../shared/ipc/contract";
import { actorLabel, eventDetail, eventLabel, formatEventTime, SOURCE_LABELS } from "./audit-text";

type Row = AuditEvent & { source?: AuditLogSource };

export function EventTable({ events, caption, keyName, showSource }: { events: Row[]; caption: string; keyName: (id: string) => string | undefined; showSource: boolean }) {
  return (
    <div className="audit-table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="audit-col-when">
              When
            </th>
            {showSource ? (
              <th scope="col" className="audit-col-source">
                Source
              </th>
            ) : null}
            <th scope="col">Event</th>
            <th scope="col" className="audit-col-key">
              Key
            </th>
            <th scope="col" className="audit-col-actor">
              Actor
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
