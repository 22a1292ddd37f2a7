/** Every field of a key, in words: what it is, who made it, when it expires and is due, its last use and refusal. */
import type { ApiKey } from "../../../../shared/api/schemas";
import { refusalLabel } from "../../../../shared/domain/refusals";
import { daysUntilRotationDue, rotationDueAt } from "../../../../shared/domain/rotation-policy";
import { SCOPE_DESCRIPTIONS } from "../../../../shared/domain/scopes";
import { EnvironmentBadge, ScopeBadge } from "../../ui/Badge";
import { useToday } from "../../ui/clock";
import { formatAbsolute, formatClient, formatDate, formatDaysFromToday } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { useRotationDays } from "../settings";

export function KeyFacts({ apiKey, rotatable }: { apiKey: ApiKey; rotatable: boolean }) {
  const rotationDays = useRotationDays();
  const today = useToday();
  const createdMs = Date.parse(apiKey.createdAt);
  return (
    <dl className="facts">
      <Fact label="Name">{apiKey.name}</Fact>
      <Fact label="Description">{apiKey.description || <span className="muted">None</span>}</Fact>
      <Fact label="Scope">
        <ScopeBadge scope={apiKey.scope} /> <span className="muted">{SCOPE_DESCRIPTIONS[apiKey.scope].allows}</span>
      </Fact>
      <Fact label="Environment">
        {apiKey.environment === "live" ? "Live" : "Test"} <EnvironmentBadge environment={apiKey.environment} />
      </Fact>
      <Fact label="Key">
        <code className="key-display">{apiKey.display}</code>
      </Fact>
      <Fact label="ID">
        <code className="mono">{apiKey.id}</code>
      </Fact>
      <Fact label="Created">
        {formatAbsolute(apiKey.createdAt)} by <strong>{apiKey.createdBy}</strong>
        {apiKey.createdByTokenId ? <span className="muted"> (admin token {apiKey.createdByTokenId})</span> : null}
      </Fact>
      <Fact label="Expires">
        {apiKey.expiresAt ? (
          <>
            {formatAbsolute(apiKey.expiresAt)} (<RelativeTime iso={apiKey.expiresAt} />)
          </>
        ) : (
          "Never"
        )}
      </Fact>
      <Fact label="Rotation due">
        {rotatable ? (
          <>
            {formatDate(rotationDueAt(createdMs, rotationDays))} ({formatDaysFromToday(daysUntilRotationDue(createdMs, rotationDays, today))})
          </>
        ) : (
          <span className="muted">{apiKey.status === "active" ? "Replaced by a newer key" : `Not rotated: the key is ${apiKey.status}`}</span>
        )}
      </Fact>
      <Fact label="Last used">
        {apiKey.lastUsedAt ? (
          <>
            <RelativeTime iso={apiKey.lastUsedAt} /> from {formatClient({ ip: apiKey.lastUsedIp ?? "an unknown address", userAgent: apiKey.lastUsedUserAgent ?? "" })}
          </>
        ) : (
          "Never"
        )}
      </Fact>
      <Fact label="Last refused">
        {apiKey.lastRefusedAt ? (
          <>
            <RelativeTime iso={apiKey.lastRefusedAt} />: {refusalLabel(apiKey.lastRefusedReason ?? "refused")}
          </>
        ) : (
          "Never"
        )}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
