/** The keys table's cells. Long text is cut with an ellipsis and kept whole in a title. */
import type { ApiKey } from "../../../../../shared/api/schemas";
import { useNow } from "../../../ui/clock";
import { daysSince, formatAbsolute, formatAge, formatRelative } from "../../../ui/format";
import { Tooltip } from "../../../ui/Tooltip";
import { useRotationStore } from "../../rotation/rotation-store";
import { useRotationDays } from "../../settings/settings-store";
import { useKeysStore } from "../keys-store";

export function NameCell({ apiKey }: { apiKey: ApiKey }) {
  const replacing = useRotationStore((state) => state.byNewKeyId.get(apiKey.id));
  return (
    <div className="cell-stack">
      <span className="key-name truncate" title={apiKey.name}>
        {apiKey.name}
      </span>
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
  const oldDisplay = useKeysStore((state) => state.keys.find((key) => key.id === oldKeyId)?.display);
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
  const rotationDays = useRotationDays();
  const days = daysSince(apiKey.createdAt, now);
  const overdue = apiKey.status === "active" && apiKey.replacedById === null && days >= rotationDays;
  return (
    <span className={overdue ? "age-overdue" : undefined} title={overdue ? `Rotation overdue: older than ${rotationDays} days` : undefined}>
      {formatAge(days)}
    </span>
  );
}
