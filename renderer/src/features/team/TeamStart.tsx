/** No team vault open: create one in a synced folder, open one (recent ones first), and the user's own card to share. */
import { z } from "zod";
import type { TeamIdentity, TeamState } from "../../../../shared/ipc/contract";
import { VaultName } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { RelativeTime } from "../../ui/RelativeTime";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { IdentityCard } from "./IdentityCard";
import { TransferPanel } from "./TransferPanel";
import { useTeamStore } from "./team-store";

const CreateForm = z.object({ name: VaultName });

export function TeamStart({ state, identity }: { state: TeamState; identity: TeamIdentity }) {
  return (
    <div className="team-start">
      {state.notice ? <Alert tone="warning">{state.notice}</Alert> : null}
      <div className="team-start-grid">
        <div className="team-start-column">
          <OpenCard state={state} />
          <CreateCard />
        </div>
        <IdentityCard identity={identity} />
      </div>
      <TransferPanel teamOpen={false} />
    </div>
  );
}

function OpenCard({ state }: { state: TeamState }) {
  const open = useTeamStore((store) => store.open);
  const forget = useTeamStore((store) => store.forget);
  const opening = useAsyncAction();
  return (
    <Section
      level={2}
      className="card"
      title="Open a team vault"
      aside={
        <Button variant="primary" busy={opening.busy} onClick={() => void opening.run(() => open())}>
          Open…
        </Button>
      }
    >
      <p className="muted">Choose its .kwteam file in the folder your team syncs. You need to have been added as a member.</p>
      {opening.error ? <Alert>{opening.error.message}</Alert> : null}
      {state.recent.length > 0 ? (
        <ul className="stack-list boxed-list" aria-label="Recent team vaults">
          {state.recent.map((recent) => (
            <li key={recent.path} className="list-row recent-item">
              <div className="list-row-text recent-text">
                <span className="list-row-name recent-name">{recent.name}</span>
                <span className="muted truncate" title={recent.path}>
                  {recent.path}
                </span>
                <RelativeTime iso={recent.openedAt} prefix="Opened" className="muted recent-when" />
              </div>
              <Button size="sm" onClick={() => void opening.run(() => open(recent.path))} aria-label={`Open ${recent.name}`}>
                Open
              </Button>
              <Button size="sm" variant="ghost" onClick={() => void opening.run(() => forget(recent.path))} aria-label={`Remove ${recent.name} from this list`}>
                Forget
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function CreateCard() {
  const create = useTeamStore((store) => store.create);
  const creating = useAsyncAction();
  const form = useZodForm(CreateForm, { name: "" });
  const submit = form.handleSubmit(({ name }) => creating.run(() => create(name)));
  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="team-create-title">
      <h2 className="card-title" id="team-create-title">
        Create a team vault
      </h2>
      <p className="muted">You choose a folder your team already syncs (a shared drive, a git repository). You are its first member; add the others from their cards.</p>
      <Field label="Team vault name" error={form.formState.errors.name?.message ?? null}>
        {(control) => <input {...control} {...form.register("name")} className="input" placeholder="Payments team" />}
      </Field>
      {creating.error ? <Alert>{creating.error.message}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" busy={creating.busy}>
          Choose folder and create
        </Button>
      </div>
    </form>
  );
}
