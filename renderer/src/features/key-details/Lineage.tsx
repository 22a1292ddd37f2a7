/** Which key this one replaced and which replaced it, each a link to that key's details. */
import type { ApiKey } from "../../../../shared/api/schemas";
import { Section } from "../../ui/Section";
import { useKey } from "../inventory";
import { useKeyDetailsStore } from "./key-details-store";

export function Lineage({ apiKey }: { apiKey: ApiKey }) {
  if (!apiKey.replacesId && !apiKey.replacedById) return null;
  return (
    <Section title="Lineage">
      <dl className="facts">
        {apiKey.replacesId ? <LineageLink label="Replaces" keyId={apiKey.replacesId} /> : null}
        {apiKey.replacedById ? <LineageLink label="Replaced by" keyId={apiKey.replacedById} /> : null}
      </dl>
    </Section>
  );
}

function LineageLink({ label, keyId }: { label: string; keyId: string }) {
  const other = useKey(keyId);
  const open = useKeyDetailsStore((state) => state.open);
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <button type="button" className="link-button" onClick={() => open(keyId)}>
          {other ? `${other.name} (${other.display})` : keyId}
        </button>
        {other ? <span className="muted"> · {other.status}</span> : null}
      </dd>
    </div>
  );
}
