/**
 * The user's member card and fingerprint: public, shown as plain text to select or copy, and sent
 * to a teammate who adds them. The fingerprint is read aloud or compared in person before adding.
 */
import { useId, useState } from "react";
import type { TeamIdentity } from "../../../../shared/ipc/contract";
import { Button } from "../../ui/Button";
import { CopyIcon } from "../../ui/icons";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Alert } from "../../ui/Alert";
import { Section } from "../../ui/Section";
import { CopyStatus } from "../clipboard";
import { Fingerprint } from "./Fingerprint";
import { useTeamStore } from "./team-store";

export function IdentityCard({ identity }: { identity: TeamIdentity }) {
  const copyCard = useTeamStore((state) => state.copyCard);
  const copying = useAsyncAction();
  const cardId = useId();
  const [copied, setCopied] = useState(false);
  return (
    <Section
      level={2}
      className="card identity-card"
      title="Your member card"
      aside={
        <Button size="sm" busy={copying.busy} onClick={() => void copying.run(copyCard).then((ok) => setCopied(ok))}>
          {copying.busy ? null : <CopyIcon />}
          Copy card
        </Button>
      }
    >
      <p className="muted">
        Send this card to a member of the team vault (chat is fine: it is public). Before they add you, read your fingerprint to each other, by phone or in person.
      </p>
      <dl className="identity-facts">
        <div>
          <dt>Name</dt>
          <dd>{identity.name}</dd>
        </div>
        <div>
          <dt>Fingerprint</dt>
          <dd>
            <Fingerprint value={identity.fingerprint} />
          </dd>
        </div>
      </dl>
      <label className="field-label" htmlFor={`${cardId}-text`}>
        Card
      </label>
      <textarea id={`${cardId}-text`} className="input member-card-text" readOnly rows={3} value={identity.card} onFocus={(event) => event.currentTarget.select()} />
      {copying.error ? <Alert>{copying.error.message}</Alert> : <CopyStatus copied={copied} />}
    </Section>
  );
}
