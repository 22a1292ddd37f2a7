/** Lines that tell a key's use: the integration on a new key, who still uses an old one. */
import type { RotationUsage } from "../../../shared/ipc/contract";
import { countOf, formatClient, formatRelative, formatUseTime } from "./format";
import { CheckIcon } from "./icons";

export function NewKeyUseLine({ usage }: { usage: RotationUsage | null }) {
  const first = usage?.newKeyFirstUse;
  if (!first) {
    return (
      <li className="usage-line usage-waiting">
        <span className="spinner usage-spinner" aria-hidden="true" />
        <span>Integration using the new key: waiting…</span>
      </li>
    );
  }
  return (
    <li className="usage-line usage-ok">
      <CheckIcon className="usage-icon" />
      <span>
        First used by the integration <time dateTime={first.at}>{formatUseTime(first.at, Date.now())}</time> from {formatClient(first)}
      </span>
    </li>
  );
}

export function OldKeyUseLine({ usage }: { usage: RotationUsage | null }) {
  if (!usage) {
    return (
      <li className="usage-line usage-muted">
        <span className="usage-icon-space" aria-hidden="true" />
        <span>Old key: checking…</span>
      </li>
    );
  }
  const [latest, ...others] = usage.oldKeyUses;
  if (!latest) {
    return (
      <li className="usage-line usage-muted">
        <span className="usage-icon-space" aria-hidden="true" />
        <span>Old key: not used since the rotation started</span>
      </li>
    );
  }
  const requests = usage.oldKeyUses.reduce((sum, use) => sum + use.requests, 0);
  return (
    <li className="usage-line usage-warn">
      <span className="usage-dot" aria-hidden="true" />
      <span>
        Old key: still in use — last <time dateTime={latest.at}>{formatRelative(latest.at, Date.now(), { seconds: true })}</time> from {formatClient(latest)}
        {others.length > 0 ? (
          <span className="muted">
            {" "}
            · {countOf(others.length + 1, "client")}, {countOf(requests, "request")} since the rotation started
          </span>
        ) : null}
      </span>
    </li>
  );
}
