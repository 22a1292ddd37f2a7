/** Under a dismissed finding, in the findings list and in a key's details: when, by whom and why. */
import type { Dismissal } from "../../../../shared/domain/findings";
import { formatAbsolute } from "../../ui/format";

export function DismissalNote({ dismissal }: { dismissal: Dismissal }) {
  return (
    <p className="muted">
      Dismissed {formatAbsolute(dismissal.at)}
      {dismissal.by ? ` by ${dismissal.by}` : ""}: “{dismissal.note}”
    </p>
  );
}
