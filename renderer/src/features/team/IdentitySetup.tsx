/** First use: the user's team identity, made and kept in their personal vault, under the name teammates will see. */
import { z } from "zod";
import { MemberName } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useTeamStore } from "./team-store";

const IdentityForm = z.object({ name: MemberName });

export function IdentitySetup() {
  const createIdentity = useTeamStore((state) => state.createIdentity);
  const creating = useAsyncAction();
  const form = useZodForm(IdentityForm, { name: "" });
  const submit = form.handleSubmit(({ name }) => creating.run(() => createIdentity(name)));
  return (
    <form className="card team-narrow-card" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card-title">Create your team identity</h2>
      <p>
        A key pair of your own, made on this computer and kept in your personal vault. Its public part, your member card, is what a teammate pastes to add
        you to a team vault. Nobody needs a shared password.
      </p>
      <Field label="Your name" hint="As your teammates will see it in the member list and the history." error={form.formState.errors.name?.message ?? null}>
        {(control) => <input {...control} {...form.register("name")} className="input" autoComplete="name" autoFocus />}
      </Field>
      {creating.error ? <Alert>{creating.error.message}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={creating.busy}>
          Create my identity
        </Button>
      </div>
    </form>
  );
}
