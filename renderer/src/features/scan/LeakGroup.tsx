/**
 * One credential the scan found, with every place it is written: its display form (never the
 * secret), what it is in the workspace, and for an active key of this workspace the one-click
 * revoke (the shared revoke dialog; revoked as "compromised", it offers a replacement) or a
 * rotation for an application that must keep running while it switches.
 */
import { useId, useState } from "react";
import type { LeakMatch, ScanGroup, ScanLocation } from "../../../../shared/ipc/contract";
import { Button } from "../../ui/Button";
import { countOf, formatCount } from "../../ui/format";
import { useKeyDetailsStore } from "../key-details";
import { useRevokeStore } from "../revoke";
import { useRotationStore } from "../rotation";
import { authorName, STATUS_BADGES } from "./scan-text";

const SHOWN_PLACES = 5;
const SHOWN_COMMITS = 3;

export function LeakGroup({ group, match, canAct, workspaceName }: { group: ScanGroup; match: LeakMatch; canAct: boolean; workspaceName: string }) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const titleId = useId();
  const places = expanded ? group.locations : group.locations.slice(0, SHOWN_PLACES);
  const hidden = group.locationCount - places.length;
  const keyId = match.keyId;

  return (
    <article className={`leak leak-${match.status}`} aria-labelledby={titleId}>
      <header className="leak-header">
        <div className="leak-heading">
          <h4 className="leak-display mono" id={titleId}>
            {group.display}
          </h4>
          <span className={`badge leak-badge leak-badge-${match.status}`}>{STATUS_BADGES[match.status]}</span>
          {match.name && keyId ? (
            <button type="button" className="link-button leak-name truncate" onClick={() => useKeyDetailsStore.getState().open(keyId)} disabled={!canAct} title={`Details of ${match.name}`}>
              {match.name}
            </button>
          ) : null}
          <span className="muted leak-count">{countOf(group.locationCount, "place")}</span>
        </div>
        {match.status === "active" && keyId ? (
          <div className="leak-actions">
            <Button size="sm" onClick={() => useRotationStore.getState().openWizard(keyId, "rotate")} disabled={!canAct} aria-label={`Rotate ${match.name ?? group.display}`}>
              Rotate…
            </Button>
            <Button size="sm" variant="danger" onClick={() => useRevokeStore.getState().openFor([keyId])} disabled={!canAct} aria-label={`Revoke ${match.name ?? group.display}`}>
              Revoke…
            </Button>
          </div>
        ) : null}
      </header>
      <p className="leak-advice">{advice(match, canAct, workspaceName)}</p>
      <ul className="stack-list leak-places" id={listId} aria-label={`Places of ${group.display}`}>
        {places.map((place) => (
          <Place key={`${place.file}:${place.line}:${place.column}`} place={place} />
        ))}
      </ul>
      {group.locationCount > SHOWN_PLACES ? (
        <div className="leak-more">
          {group.locations.length > SHOWN_PLACES ? (
            <button type="button" className="link-button" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
              {expanded ? "Show fewer places" : `Show ${countOf(Math.min(group.locationCount, group.locations.length) - SHOWN_PLACES, "more place")}`}
            </button>
          ) : null}
          {hidden > 0 && (expanded || group.locations.length <= SHOWN_PLACES) ? <span className="muted">{countOf(hidden, "more place")} in the exports.</span> : null}
        </div>
      ) : null}
    </article>
  );
}

function advice(match: LeakMatch, canAct: boolean, workspaceName: string): string {
  switch (match.status) {
    case "active":
      return canAct
        ? "Anyone who can read these files can use this key. Revoke it as Compromised (Keyward then offers a replacement with the same name and scope), or rotate it to keep its application running while you switch. Then remove it from the files."
        : `This key is active in ${workspaceName}. Switch back to ${workspaceName} to revoke it.`;
    case "revoked":
    case "expired":
      return `It no longer works in ${workspaceName}. Remove it from the files anyway, so nobody copies it as an example.`;
    case "none":
      return `${workspaceName} does not know this key: it may belong to another workspace. Check there.`;
    case "unmatched":
      return "Keyward could not ask the workspace about it. Treat it as live until you know better.";
  }
}

function Place({ place }: { place: ScanLocation }) {
  const shown = place.commits.slice(0, SHOWN_COMMITS);
  const more = place.commitCount - shown.length;
  const authors = place.authors.map(authorName);
  return (
    <li className="leak-place">
      <code className="leak-where">
        {place.file}:{place.line}:{place.column}
      </code>
      {place.allowed ? (
        <span className="badge leak-tag" title="A live key is reported even when its line is marked keyward:allow.">
          Marked keyward:allow
        </span>
      ) : null}
      {place.commitCount > 0 ? (
        <span className="leak-history">
          {place.inWorkingTree ? "" : <span className="badge leak-tag">History only</span>}
          <span>
            in {countOf(place.commitCount, "commit")}{" "}
            {shown.map((commit, index) => (
              <span key={commit}>
                {index > 0 ? ", " : ""}
                <code title={commit}>{commit.slice(0, 7)}</code>
              </span>
            ))}
            {more > 0 ? ` and ${formatCount(more)} more` : ""}
            {authors.length > 0 ? ` by ${new Intl.ListFormat("en", { type: "conjunction" }).format(authors)}` : ""}
          </span>
        </span>
      ) : null}
    </li>
  );
}
