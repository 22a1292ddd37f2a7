/**
 * Who can open the team vault: name, fingerprint, who added them and when; add a member from their
 * card (fingerprint shown to compare first); remove one (confirmed; the vault gets a new key and
 * the exposure list follows). Former members keep a link to what they could read.
 */
import { useState } from "react";
import type { TeamIdentity, TeamMemberView, TeamVaultView } from "../../../../shared/ipc/contract";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ACTIONS_COLUMN, DataTable } from "../../ui/DataTable";
import { PlusIcon } from "../../ui/icons";
import { RelativeTime } from "../../ui/RelativeTime";
import { Section } from "../../ui/Section";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Alert } from "../../ui/Alert";
import { AddMemberDialog } from "./AddMemberDialog";
import { ExposurePanel } from "./ExposurePanel";
import { Fingerprint } from "./Fingerprint";
import { IdentityCard } from "./IdentityCard";
import { useTeamStore } from "./team-store";

export function MembersTab({ vault, identity }: { vault: TeamVaultView; identity: TeamIdentity }) {
  const exposure = useTeamStore((store) => store.exposure);
  const removeMember = useTeamStore((store) => store.removeMember);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TeamMemberView | null>(null);
  if (exposure) return <ExposurePanel report={exposure} />;
  return (
    <div className="team-panel">
      <div className="panel-heading">
        <p className="muted">Each member opens the vault with their own key. Compare fingerprints out of band before adding someone.</p>
        <Button variant="primary" onClick={() => setAdding(true)}>
          <PlusIcon />
          Add member
        </Button>
      </div>
      <div className="table-scroll">
        <DataTable className="simple-table team-table team-members" caption="Members" columns={["Name", "Fingerprint", "Added", ACTIONS_COLUMN]}>
          {vault.members.map((member) => (
            <tr key={member.id}>
              <td>
                <span className="entry-label">{member.name}</span> {member.isYou ? <span className="badge badge-you">You</span> : null}
              </td>
              <td>
                <Fingerprint value={member.fingerprint} />
              </td>
              <td>
                <div className="cell-stack">
                  <span>{member.addedBy === member.name ? "Created the vault" : `By ${member.addedBy}`}</span>
                  <RelativeTime iso={member.addedAt} className="muted" />
                </div>
              </td>
              <td>
                <div className="entry-actions">
                  {member.isYou ? null : (
                    <Button size="sm" variant="ghost" aria-label={`Remove ${member.name}`} onClick={() => setRemoving(member)}>
                      Remove
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      {vault.formerMembers.length > 0 ? <FormerMembers vault={vault} /> : null}
      <IdentityCard identity={identity} />
      <AddMemberDialog open={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={`Remove ${removing?.name ?? "this member"} from ${vault.name}?`}
        description={
          <>
            <p>The vault gets a new key and everything is encrypted again: {removing?.name ?? "they"} cannot open anything saved from now on.</p>
            <p>What they could read before stays theirs. Next you see every key they could read, to rotate.</p>
          </>
        }
        confirmLabel="Remove member"
        destructive
        onConfirm={async () => {
          if (removing) await removeMember(removing.id);
        }}
      />
    </div>
  );
}

function FormerMembers({ vault }: { vault: TeamVaultView }) {
  const showExposure = useTeamStore((store) => store.showExposure);
  const showing = useAsyncAction();
  return (
    <Section title="Former members" level={3} className="team-section">
      {showing.error ? <Alert>{showing.error.message}</Alert> : null}
      <ul className="stack-list boxed-list">
        {vault.formerMembers.map((member) => (
          <li key={member.id} className="list-row former-item">
            <div className="cell-stack">
              <span className="entry-label">{member.name}</span>
              <span className="muted">
                Removed by {member.removedBy} <RelativeTime iso={member.removedAt} />
              </span>
            </div>
            <Button size="sm" onClick={() => void showing.run(() => showExposure(member.id))}>
              What {member.name} could read
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
