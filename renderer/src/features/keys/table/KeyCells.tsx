/** The keys table's cells. Long text is cut with an ellipsis and kept whole in a title. */
import type { ApiKey } from "../../../../../shared/api/schemas";
import { refusalLabel } from "../../../../../shared/domain/refusals";
import { daysUntilRotationDue } from "../../../../../shared/domain/rotation-policy";
import { useNow, useToday } from "../../../ui/clock";
import { formatAbsolute, formatAge, formatRelative } from "../../../ui/format";
import { RelativeTime } from "../../../ui/RelativeTime";
import { Tooltip } from "../../../ui/Tooltip";
import { useKey } from "../../inventory";
import { KeyNameButton } from "../../key-details";
import { useRotationStore } from "../../rotation";
import { useRotationDays } from "../../settings";

export function NameCell({ apiKey }: { apiKey: ApiKey }) {
  const replacing = useRotationStore((state) => state.byNewKeyId.get(apiKey.id));
  return (
    <div className="cell-stack">
      <KeyNameButton keyId={apiKey.id} name={apiKey.name} className="key-name" />
      {replacing ? (
        <ReplacesLine oldKeyId={replacing.oldKeyId} oldName={replacing.keyName} />
      ) : apiKey.description ? (
        <span className="key-description truncate" title={apiKey.description}>
          {apiKey.description}
        </span>
      ) : null}
    </div>
  );
}

/** On the new key of a rotation in progress: which key it replaces (same name, so the display form tells them apart). */
function ReplacesLine({ oldKeyId, oldName }: { oldKeyId: string; oldName: string }) {
  const oldDisplay = useKey(oldKeyId)?.display;
  const text = `Replaces ${oldName}${oldDisplay ? ` (${oldDisplay})` : ""}`;
  return (
    <span className="key-description replaces-line truncate" title={text}>
      {text}
    </span>
  );
}

export function KeyDisplayCell({ apiKey }: { apiKey: ApiKey }) {
  return (
    <code className="key-display truncate" title={apiKey.display}>
      {apiKey.display}
    </code>
  );
}

/** The admin token's full name, with its id on hover: who made the key. */
export function CreatedCell({ apiKey }: { apiKey: ApiKey }) {
  return (
    <div className="cell-stack">
      <RelativeTime iso={apiKey.createdAt} />
      <Tooltip content={apiKey.createdByTokenId ? `Admin token ${apiKey.createdByTokenId}` : "Admin token"}>
        <span className="muted created-by has-tooltip" tabIndex={0}>
          by {apiKey.createdBy}
        </span>
      </Tooltip>
    </div>
  );
}

export function ExpiresCell({ apiKey }: { apiKey: ApiKey }) {
  const now = useNow();
  if (!apiKey.expiresAt) return <span className="muted">Never</span>;
  const past = Date.parse(apiKey.expiresAt) <= now;
  return (
    <Tooltip content={`${past ? "Expired" : "Expires"} ${formatAbsolute(apiKey.expiresAt)}`}>
      <time className={`has-tooltip${past ? " muted" : ""}`} dateTime={apiKey.expiresAt} tabIndex={0}>
        {past ? `expired ${formatRelative(apiKey.expiresAt, now)}` : formatRelative(apiKey.expiresAt, now)}
      </time>
    </Tooltip>
  );
}

/** Last accepted use (time, and the client's address under it); the last refused request apart. */
export function LastUsedCell({ apiKey }: { apiKey: ApiKey }) {
  const now = useNow();
  return (
    <div className="cell-stack">
      {apiKey.lastUsedAt ? (
        <Tooltip
          content={
            <dl className="usage-tooltip">
              <dt>When</dt>
              <dd>{formatAbsolute(apiKey.lastUsedAt)}</dd>
              <dt>IP</dt>
              <dd>{apiKey.lastUsedIp ?? "Unknown"}</dd>
              <dt>Client</dt>
              <dd>{apiKey.lastUsedUserAgent || "Unknown"}</dd>
            </dl>
          }
        >
          <time className="has-tooltip" dateTime={apiKey.lastUsedAt} tabIndex={0}>
            {formatRelative(apiKey.lastUsedAt, now)}
          </time>
        </Tooltip>
      ) : (
        <span className="muted">Never used</span>
      )}
      {apiKey.lastUsedIp ? <span className="muted mono truncate last-client">{apiKey.lastUsedIp}</span> : null}
      {apiKey.lastRefusedAt ? (
        <span className="refused-line truncate" title={`Last refused ${formatAbsolute(apiKey.lastRefusedAt)}`}>
          last refused {formatRelative(apiKey.lastRefusedAt, now)}: {refusalLabel(apiKey.lastRefusedReason ?? "refused")}
        </span>
      ) : null}
    </div>
  );
}

/** The key's age; red once its rotation is overdue. */
export function AgeCell({ apiKey, createdMs, rotatable }: { apiKey: ApiKey; createdMs: number; rotatable: boolean }) {
  const now = useNow();
  const rotationDays = useRotationDays();
  const today = useToday();
  const overdue = rotatable && daysUntilRotationDue(createdMs, rotationDays, today) < 0;
  return (
    <span className={overdue ? "age-overdue" : undefined} title={overdue ? "Rotation overdue" : undefined}>
      {formatAge(apiKey.createdAt, now)}
    </span>
  );
}
