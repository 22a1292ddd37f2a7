/** The key's recent audit events, newest first: the workspace's and this app's own (generated, shown, copied, revoked here), each marked by where it comes from. */
import { useEffect } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { RelativeTime } from "../../ui/RelativeTime";
import { Section } from "../../ui/Section";
import { Spinner } from "../../ui/Spinner";
import { actorLabel, eventDetail, eventLabel, eventSource, SOURCE_LABELS } from "../audit";
import { useKeyDetailsStore } from "./key-details-store";

/** `revision` changes whenever the key does (an edit, a revocation): its events are read again. */
export function KeyEvents({ keyId, revision }: { keyId: string; revision: string }) {
  const state = useKeyDetailsStore((store) => (store.events?.keyId === keyId ? store.events : null));
  const load = useKeyDetailsStore((store) => store.loadEvents);
  useEffect(() => void load(keyId), [keyId, revision, load]);
  return (
    <Section title="Recent events">
      {state?.error ? (
        <Alert action={<Button onClick={() => void load(keyId)}>Retry</Button>}>{state.error}</Alert>
      ) : !state?.events ? (
        <Spinner label="Reading the audit log…" />
      ) : state.events.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <ol className="stack-list event-list">
          {state.events.map((event) => {
            const source = eventSource(event);
            return (
              <li key={`${source}-${event.seq}`} className="event-item">
                <span className="event-type">{eventLabel(event)}</span>
                <span className="event-detail">{eventDetail(event)}</span>
                <span className="muted event-meta">
                  <RelativeTime iso={event.at} /> · {actorLabel(event.actor)} · {SOURCE_LABELS[source]} #{event.seq}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
