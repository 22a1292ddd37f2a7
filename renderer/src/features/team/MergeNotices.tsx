/**
 * What a sync brought in from copies saved elsewhere, said plainly: entries changed on both sides
 * (both versions kept, the other as a copy), changes kept over a deletion, changes refused because
 * their author had been removed, members added or removed, and copies this member cannot read.
 */
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { formatAbsolute } from "../../ui/format";
import { mergeCounts } from "./team-text";
import { useTeamStore } from "./team-store";

export function MergeNotices() {
  const merges = useTeamStore((store) => store.merges);
  const dismiss = useTeamStore((store) => store.dismissMerges);
  const latest = useTeamStore((store) => store.state?.vault?.lastMerge ?? null);
  const counts = latest ? mergeCounts(latest) : null;
  if (merges.length === 0) return counts ? <p className="merge-counts muted" role="status">{counts}</p> : null;
  const conflicts = merges.flatMap((merge) => merge.conflicts);
  const refused = merges.flatMap((merge) => merge.refused);
  const unreadable = merges.flatMap((merge) => merge.unreadable);
  const added = merges.flatMap((merge) => merge.membersAdded);
  const removed = merges.flatMap((merge) => merge.membersRemoved);
  return (
    <Alert tone={conflicts.length + refused.length + unreadable.length > 0 ? "warning" : "info"} action={<Button size="sm" onClick={dismiss}>Dismiss</Button>}>
      <p>
        <strong>Changes saved elsewhere at the same time were merged</strong> (last at {formatAbsolute(merges[merges.length - 1]!.at)}). Nothing was lost.
      </p>
      <ul className="merge-list">
        {conflicts.map((conflict) =>
          conflict.kind === "both_changed" ? (
            <li key={`${conflict.entryId}-${conflict.copyId}`}>
              “{conflict.label}” was changed on both sides: both versions kept. The other version is the entry marked “Conflict copy”; keep the right one and delete the other.
            </li>
          ) : (
            <li key={`${conflict.entryId}-deleted`}>“{conflict.label}” was deleted on one side and changed on the other: the changed version was kept.</li>
          ),
        )}
        {refused.map((change) => (
          <li key={`${change.entryId}-refused`}>
            A change to “{change.label}” by {change.author} was refused: {change.author} had been removed from the vault before making it.
          </li>
        ))}
        {added.length > 0 ? <li>Added elsewhere: {added.join(", ")}.</li> : null}
        {removed.length > 0 ? <li>Removed elsewhere: {removed.join(", ")}.</li> : null}
        {unreadable.map((copy) => (
          <li key={copy.path}>
            A conflict copy could not be merged here and was left in place ({copy.path}): {copy.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
