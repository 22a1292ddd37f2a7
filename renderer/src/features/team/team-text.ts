/** The team vault in words: key statuses, history lines, merge reports. */
import type { LinkStatus, MergeReportView, TeamChangeView } from "../../../../shared/ipc/contract";
import { countOf } from "../../ui/format";

export const LINK_STATUS_LABELS: Record<LinkStatus, string> = {
  active: "Active",
  rotated: "Rotated",
  revoked: "Revoked",
  expired: "Expired",
  missing: "Not in this workspace",
  unknown: "Unknown",
};

export const LINK_STATUS_HINTS: Record<LinkStatus, string> = {
  active: "The key works on the workspace.",
  rotated: "A successor exists; this key still works until it is revoked or expires.",
  revoked: "The key no longer works: the entry can be cleaned up.",
  expired: "The key no longer works: the entry can be cleaned up.",
  missing: "This key is not one of the connected workspace's keys.",
  unknown: "The workspace's keys could not be read.",
};

/** "Alice added Stripe sync", "Bob removed member Carol": one line of the vault's history. */
export function changeLine(change: TeamChangeView): string {
  const label = change.label ? `“${change.label}”` : "an entry";
  switch (change.type) {
    case "vault.create":
      return `${change.author} created the team vault`;
    case "member.add":
      return change.member === change.author ? `${change.author} joined` : `${change.author} added member ${change.member ?? "someone"}`;
    case "member.remove":
      return `${change.author} removed member ${change.member ?? "someone"}`;
    case "entry.add":
      return `${change.author} added ${label}`;
    case "entry.change":
      return entryChangeLine(change, label);
    case "entry.delete":
      return `${change.author} deleted ${label}`;
    case "rekey":
      return `${change.author} made a new vault key (everything re-encrypted)`;
    case "merge": {
      const parts = [change.conflicts ? `${countOf(change.conflicts, "entry", "entries")} changed on both sides: both versions kept` : null, change.refused ? `${countOf(change.refused, "change")} by a removed member refused` : null].filter(Boolean);
      return `${change.author} merged changes saved at the same time${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`;
    }
    default:
      return `${change.author}: ${change.type}`;
  }
}

function entryChangeLine(change: TeamChangeView, label: string): string {
  const held = change.keyChange?.display ? ` (${change.keyChange.display})` : "";
  switch (change.keyChange?.kind) {
    case "rotated":
      return `${change.author} rotated ${label}: it holds the new key${held}, the old one kept until the rotation ends`;
    case "restored":
      return `${change.author} put the previous key back in ${label}${held}: its rotation was cancelled`;
    case "retired":
      return `${change.author} dropped the rotated-away key from ${label}: its rotation is finished`;
    default:
      return `${change.author} changed ${label}`;
  }
}

/** "2 added, 1 changed, 1 deleted" or null when the merge changed no entry. */
export function mergeCounts(report: MergeReportView): string | null {
  const parts = [report.added ? `${report.added} added` : null, report.updated ? `${report.updated} changed` : null, report.deleted ? `${report.deleted} deleted` : null].filter(Boolean);
  return parts.length > 0 ? `${countOf(report.added + report.updated + report.deleted, "entry", "entries")} brought in from other copies: ${parts.join(", ")}.` : null;
}
