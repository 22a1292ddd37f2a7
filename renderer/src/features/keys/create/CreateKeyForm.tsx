/** The create form: name (with the one-key-per-integration warning), description, scope, expiry. */
import { useMemo, useState, type FormEvent } from "react";
import type { Scope } from "../../../../../shared/api/schemas";
import type { RevealedKey } from "../../../../../shared/ipc/contract";
import { call, keyward } from "../../../ipc/keyward";
import { errorMessage } from "../../../ipc/errors";
import { Alert } from "../../../ui/Alert";
import { Button } from "../../../ui/Button";
import { Field } from "../../../ui/Field";
import { useKeysStore } from "../keys-store";
import type { CreateKeyPrefill } from "./create-dialog-store";
import { ScopeRadioCards } from "./ScopeRadioCards";

type CreateKeyFormProps = {
  prefill: CreateKeyPrefill | null;
  onCancel: () => void;
  /** Receives the new key with its secret; the caller keeps it in its own local state only. */
  onCreated: (revealed: RevealedKey) => void;
};

/** The key stops working at the end of the chosen day, in the user's time zone. */
function endOfDayIso(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

function tomorrow(): string {
  const date = new Date(Date.now() + 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

export function CreateKeyForm({ prefill, onCancel, onCreated }: CreateKeyFormProps) {
  const [name, setName] = useState(prefill?.name ?? "");
  const [description, setDescription] = useState(prefill?.description ?? "");
  const [scope, setScope] = useState<Scope>(prefill?.scope ?? "read");
  const [expiresOn, setExpiresOn] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = useKeysStore((state) => state.keys);
  const upsert = useKeysStore((state) => state.upsert);

  const activeNames = useMemo(() => new Set(keys.filter((key) => key.status === "active").map((key) => key.name.trim().toLowerCase())), [keys]);
  const trimmed = name.trim();
  const duplicate = trimmed !== "" && activeNames.has(trimmed.toLowerCase());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) {
      setNameError("Give the key a name that says what uses it.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const revealed = await call(keyward().keys.create({ name: trimmed, description: description.trim(), scope, expiresAt: expiresOn ? endOfDayIso(expiresOn) : null }));
      upsert(revealed.key);
      onCreated(revealed);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Name"
        hint="Say what uses it, so the key can be revoked without guessing."
        error={nameError}
        warning={duplicate ? `An active key is already named ${trimmed}. One key per integration: revoking one then won't break the other.` : null}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            maxLength={100}
            autoComplete="off"
            placeholder="e.g. Zapier Integration, CI/CD Pipeline"
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
          />
        )}
      </Field>
      <Field label="Description" optional>
        {(control) => <textarea {...control} className="input textarea" rows={2} maxLength={1000} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <ScopeRadioCards value={scope} onChange={setScope} />
      <Field label="Expires" optional hint="Leave empty for no expiry. The key stops working at the end of that day.">
        {(control) => <input {...control} type="date" className="input input-date" min={tomorrow()} value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} />}
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <footer className="modal-footer">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          Generate
        </Button>
      </footer>
    </form>
  );
}
