/** A workspace key's live status as a badge: colour with a word, and a hint on hover. */
import type { LinkStatus } from "../../../../shared/ipc/contract";
import { LINK_STATUS_HINTS, LINK_STATUS_LABELS } from "./team-text";

export function LinkBadge({ status }: { status: LinkStatus }) {
  return (
    <span className={`badge badge-link-${status}`} title={LINK_STATUS_HINTS[status]}>
      <span className="badge-dot" aria-hidden="true" />
      {LINK_STATUS_LABELS[status]}
    </span>
  );
}
