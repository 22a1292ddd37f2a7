/** Connect a remote workspace by URL and admin token. The token goes to the main process, which keeps it in the vault. */
import { useState, type FormEvent } from "react";
import { navigate } from "../../app/route-store";
import { toUserError, type UserError } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { Modal } from "../../ui/Modal";
import { useAddWorkspaceStore } from "./add-workspace-store";
import { useWorkspaceStore } from "./workspace-store";

export function AddWorkspaceDialog() {
  const open = useAddWorkspaceStore((state) => state.open);
  const setOpen = useAddWorkspaceStore((state) => state.setOpen);
  return (
    <Modal
      open={open}
      onRequestClose={() => setOpen(false)}
      title="Add workspace"
      description="Connect to a workspace running the Workspace Keys API. Its admin token is kept in your vault, encrypted."
    >
      <AddWorkspaceForm onDone={() => setOpen(false)} />
    </Modal>
  );
}

function AddWorkspaceForm({ onDone }: { onDone: () => void }) {
  const add = useWorkspaceStore((state) => state.add);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [adminToken, setAdminToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await add({ name: name.trim(), url: url.trim(), adminToken: adminToken.trim() });
      onDone();
    } catch (failure) {
      setError(toUserError(failure));
      setBusy(false);
    }
  };

  return (
    <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field label="Name" hint="How it appears in the workspace menu, e.g. “Production”.">
        {(control) => <input {...control} className="input" value={name} maxLength={100} autoFocus onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="URL">
        {(control) => <input {...control} className="input" type="url" inputMode="url" placeholder="https://keys.example.com" value={url} onChange={(event) => setUrl(event.target.value)} />}
      </Field>
      <Field label="Admin token" hint="Starts with uo_adm_. Create one on the server with “keyward server admin-token”.">
        {(control) => <input {...control} className="input mono" type="password" autoComplete="off" spellCheck={false} value={adminToken} onChange={(event) => setAdminToken(event.target.value)} />}
      </Field>
      {error ? (
        <Alert
          action={
            // The admin token can only be kept in an unlocked vault: offer the way there.
            error.code === "vault_locked" || error.code === "vault_missing" ? (
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
        >
          {error.message}
        </Alert>
      ) : null}
      <footer className="modal-footer">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          Add workspace
        </Button>
      </footer>
    </form>
  );
}
