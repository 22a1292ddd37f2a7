/** Connect a remote workspace by URL and admin token. The token goes to the main process, which keeps it in the vault.
 * Protects against: the admin token going over plain HTTP to another machine (the contract's URL
 * rule refuses it before it is sent). Does not protect against: a token pasted into the wrong app.
 */
import { AddWorkspaceInput } from "../../../../shared/ipc/contract";
import { navigate } from "../../navigation/route-store";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { FormFooter } from "../../ui/FormFooter";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useWorkspaceStore } from "./workspace-store";

export function AddWorkspaceDialog() {
  const open = useWorkspaceStore((state) => state.adding);
  const setAdding = useWorkspaceStore((state) => state.setAdding);
  return (
    <Modal
      open={open}
      onRequestClose={() => setAdding(false)}
      title="Add workspace"
      description="Connect to a workspace running the Workspace Keys API. Its admin token is kept in your vault, encrypted."
    >
      <AddWorkspaceForm onDone={() => setAdding(false)} />
    </Modal>
  );
}

function AddWorkspaceForm({ onDone }: { onDone: () => void }) {
  const add = useWorkspaceStore((state) => state.add);
  const adding = useAsyncAction();
  const form = useZodForm(AddWorkspaceInput, { name: "", url: "", adminToken: "", production: false });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (input) => {
    if (await adding.run(() => add(input))) onDone();
  });
  const offerVault = adding.error?.code === "vault_locked" || adding.error?.code === "vault_missing";

  return (
    <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field label="Name" hint="How it appears in the workspace menu, e.g. “Production”." error={errors.name?.message ?? null}>
        {(control) => <input {...control} {...form.register("name")} className="input" autoFocus />}
      </Field>
      <Field label="URL" hint="https:// for a workspace on another machine: the admin token goes with every request." error={errors.url?.message ?? null}>
        {(control) => <input {...control} {...form.register("url")} className="input" type="url" inputMode="url" placeholder="https://keys.example.com" />}
      </Field>
      <Field label="Admin token" hint="Starts with uo_adm_. Create one on the server with “keyward server admin-token”." error={errors.adminToken?.message ?? null}>
        {(control) => <input {...control} {...form.register("adminToken")} className="input mono" type="password" autoComplete="off" spellCheck={false} />}
      </Field>
      <div className="checkbox-row">
        <input type="checkbox" id="add-workspace-production" {...form.register("production")} aria-describedby="add-workspace-production-hint" />
        <div>
          <label htmlFor="add-workspace-production">This is a production workspace</label>
          <p className="field-hint" id="add-workspace-production-hint">
            Keyward shows a coloured band while it is open, so its keys are not changed by mistake.
          </p>
        </div>
      </div>
      <FormFooter
        action={adding}
        submitLabel="Add workspace"
        onCancel={onDone}
        errorAction={
          // The admin token can only be kept in an unlocked vault: offer the way there.
          offerVault ? (
            <Button
              size="sm"
              onClick={() => {
                onDone();
                navigate("vault");
              }}
            >
              Open the vault
            </Button>
          ) : null
        }
      />
    </form>
  );
}
