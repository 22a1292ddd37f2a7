/**
 * A key's usage in its details view: daily reads, writes and refused requests over 7, 30 or 90
 * days (a chart, with the totals in words), the clients that used it (IP, user agent, first and last
 * seen, requests), and its refused requests by reason.
 */
import { Suspense, useEffect, useMemo, useState } from "react";
import type { KeyUsage } from "../../../../shared/api/schemas";
import { refusalLabel } from "../../../../shared/domain/refusals";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { DataTable } from "../../ui/DataTable";
import { countOf, formatAbsolute, formatCount } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { Section } from "../../ui/Section";
import { Spinner } from "../../ui/Spinner";
import { useKeyDetailsStore } from "./key-details-store";
import { lazyNamed } from "../../ui/lazy";
import { USAGE_WINDOWS, usageSeries, usageTotals, type UsagePoint, type UsageWindow } from "./usage-series";

// The charting library loads with the first chart, not at start.
const KeyUsageChart = lazyNamed(() => import("./KeyUsageChart"), "KeyUsageChart");

const CLIENT_COLUMNS = ["IP address", "User agent", "First seen", "Last seen", { header: "Requests", className: "numeric" }];
const REFUSAL_COLUMNS = ["Reason", { header: "Requests", className: "numeric" }, "Last refused"];

/** `revision` changes whenever the key does (a use shows in its last-used time): the usage is read again. */
export function KeyUsageSection({ keyId, revision }: { keyId: string; revision: string }) {
  const [days, setDays] = useState<UsageWindow>(30);
  const state = useKeyDetailsStore((store) => (store.usage?.keyId === keyId ? store.usage : null));
  const load = useKeyDetailsStore((store) => store.loadUsage);
  useEffect(() => void load(keyId, days), [keyId, days, revision, load]);
  const usage = state?.usage ?? null;
  const at = state?.at ?? 0;
  // The window the data covers (a new one keeps the old chart until it arrives).
  const shownDays = state?.usageDays ?? days;
  const points = useMemo(() => (usage ? usageSeries(usage.daily, shownDays, at) : []), [usage, shownDays, at]);

  return (
    <Section title="Usage">
      <div className="usage-head">
        <div className="segmented" role="group" aria-label="Period">
          {USAGE_WINDOWS.map((window) => (
            <button key={window} type="button" className="segmented-option" aria-pressed={days === window} onClick={() => setDays(window)}>
              {window} days
            </button>
          ))}
        </div>
        {usage ? <UsageTotals points={points} days={shownDays} /> : null}
      </div>
      {state?.error ? (
        <Alert action={<Button onClick={() => void load(keyId, days)}>Retry</Button>}>{state.error}</Alert>
      ) : !usage ? (
        <Spinner label="Reading the key's usage…" />
      ) : (
        <>
          <Suspense fallback={<Spinner label="Drawing the chart…" />}>
            <KeyUsageChart points={points} label={`Requests per day over the last ${shownDays} days`} />
          </Suspense>
          <Clients clients={usage.clients} />
          <Refusals refusals={usage.refusals} />
        </>
      )}
    </Section>
  );
}

function UsageTotals({ points, days }: { points: UsagePoint[]; days: number }) {
  const totals = usageTotals(points);
  return (
    <p className="usage-totals" aria-live="polite">
      {countOf(totals.accepted, "request")} in {days} days: {formatCount(totals.reads)} {totals.reads === 1 ? "read" : "reads"}, {formatCount(totals.writes)}{" "}
      {totals.writes === 1 ? "write" : "writes"}
      {totals.denied > 0 ? <strong className="usage-refused">, {formatCount(totals.denied)} refused</strong> : ", none refused"}.
    </p>
  );
}

function Clients({ clients }: { clients: KeyUsage["clients"] }) {
  if (clients.length === 0) return <p className="muted">No client has used this key in this period.</p>;
  return (
    <div className="table-scroll">
      <DataTable className="plain-table" caption={`Clients (${formatCount(clients.length)})`} captionClassName="plain-table-caption" columns={CLIENT_COLUMNS}>
        {clients.map((client) => (
          <tr key={`${client.ip}\u0000${client.userAgent}`}>
            <td>
              <code className="mono">{client.ip}</code>
            </td>
            <td className="truncate-cell" title={client.userAgent}>
              {client.userAgent || <span className="muted">No client name</span>}
            </td>
            <td title={formatAbsolute(client.firstSeenAt)}>
              <RelativeTime iso={client.firstSeenAt} />
            </td>
            <td title={formatAbsolute(client.lastSeenAt)}>
              <RelativeTime iso={client.lastSeenAt} />
            </td>
            <td className="numeric">{formatCount(client.requests)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function Refusals({ refusals }: { refusals: KeyUsage["refusals"] }) {
  if (refusals.length === 0) return <p className="muted">No request with this key was refused in this period.</p>;
  return (
    <DataTable className="plain-table" caption="Refused requests by reason" captionClassName="plain-table-caption" columns={REFUSAL_COLUMNS}>
      {refusals.map((refusal) => (
        <tr key={refusal.reason}>
          <td>{refusalLabel(refusal.reason)}</td>
          <td className="numeric">{formatCount(refusal.count)}</td>
          <td title={formatAbsolute(refusal.lastAt)}>
            <RelativeTime iso={refusal.lastAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
