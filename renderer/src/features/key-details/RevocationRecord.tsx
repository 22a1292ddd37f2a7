/** A revoked key's record: when, by whom, why, with the note. An expired key: when it stopped. */
import type { ApiKey } from "../../../../shared/api/schemas";
import { formatAbsolute } from "../../ui/format";
import { Section } from "../../ui/Section";

const REASONS: Record<string, string> = { compromised: "Compromised", unused: "Unused", rotated: "Rotated", other: "Other" };

export function RevocationRecord({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.status === "revoked" && apiKey.revokedAt) {
    return (
      <Section title="Revocation" className="details-section revocation">
        <dl className="facts">
          <div className="fact">
            <dt>Revoked</dt>
            <dd>{formatAbsolute(apiKey.revokedAt)}</dd>
          </div>
          <div className="fact">
            <dt>By</dt>
            <dd>{apiKey.revokedBy ?? "Unknown (the workspace did not record it)"}</dd>
          </div>
          <div className="fact">
            <dt>Why</dt>
            <dd>{apiKey.revokedReason ? REASONS[apiKey.revokedReason] : "No reason recorded"}</dd>
          </div>
          <div className="fact">
            <dt>Note</dt>
            <dd>{apiKey.revokedNote || <span className="muted">None</span>}</dd>
          </div>
        </dl>
      </Section>
    );
  }
  if (apiKey.status === "expired" && apiKey.expiresAt) {
    return (
      <section className="details-section revocation" aria-label="Expiry">
        <p>This key expired on {formatAbsolute(apiKey.expiresAt)} and no longer works.</p>
      </section>
    );
  }
  return null;
}
