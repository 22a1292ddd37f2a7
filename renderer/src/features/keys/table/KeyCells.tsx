/** The keys table's cells. Long text is cut with an ellipsis and kept whole in a title. */
import type { ApiKey } from "../../../../../shared/api/schemas";
import { useNow } from "../../../ui/clock";
import { daysSince, formatAbsolute, formatAge, formatRelative } from "../../../ui/format";
import { Tooltip } from "../../../ui/Tooltip";

/** The guide's schedule: rotate every 90 days. */
export const ROTATION_DAYS = 90;

export function NameCell({ apiKey }: { apiKey: ApiKey }) {
  return (
    <div className="cell-stack">
      <span className="key-name truncate" title={apiKey.name}>
        {apiKey.name}
      </span>
      {apiKey.description ? (
        <span className="key-description truncate" title={apiKey.description}>
          {apiKey.description}
        </span>
      ) : null}
    </div>
  );
}

export function KeyDisplayCell({ apiKey }: { apiKey: ApiKey }) {
  return (
    <code className="key-display truncate" title={apiKey.display}>
      {apiKey.display}
    </code>
  );
}

export function CreatedCell({ apiKey }: { apiKey: ApiKey }) {
  const now = useNow();
  return (
    <div className="cell-stack">
      <time dateTime={apiKey.createdAt} title={formatAbsolute(apiKey.createdAt)}>
        {formatRelative(apiKey.createdAt, now)}
      </time>
      <span className="muted truncate" title={`Created by ${apiKey.createdBy}`}>
        by {apiKey.createdBy}
      </span>
    </div>
  );
}

export function LastUsedCell({ apiKey }: { apiKey: ApiKey }) {
  const now = useNow();
  if (!apiKey.lastUsedAt) return <span className="muted">Never</span>;
  return (
    <Tooltip
      content={
        <dl className="usage-tooltip">
          <dt>When</dt>
          <dd>{formatAbsolute(apiKey.lastUsedAt)}</dd>
          <dt>IP</dt>
          <dd>{apiKey.lastUsedIp ?? "Unknown"}</dd>
          <dt>Client</dt>
          <dd>{apiKey.lastUsedUserAgent ?? "Unknown"}</dd>
        </dl>
      }
    >
      <time className="has-tooltip" dateTime={apiKey.lastUsedAt} tabIndex={0}>
        {formatRelative(apiKey.lastUsedAt, now)}
      </time>
    </Tooltip>
  );
}

export function AgeCell({ apiKey }: { apiKey: ApiKey }) {
  const now = useNow();
  const days = daysSince(apiKey.createdAt, now);
  const overdue = apiKey.status === "active" && days >= ROTATION_DAYS;
  return (
    <span className={overdue ? "age-overdue" : undefined} title={overdue ? `Rotation overdue: older than ${ROTATION_DAYS} days` : undefined}>
      {formatAge(days)}
    </span>
  );
}
