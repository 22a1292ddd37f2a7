/*
 * Adds an entry to the team vault: a secret already in the user's personal vault (chosen by its
 * label; the main process reads the secret), or a secret typed here. A typed key of the connected
 * workspace is linked to its key by the main process.
 * Protects against: a secret from the personal vault passing through the renderer (only its entry
 * id does). Does not protect against: a typed secret, which is in this form until it is sent.
 */
import { useEffect, useState, type FormEvent } from "react";
import { AddEntryInput } from "../../../../shared/ipc/contract";
import { ENTRY_KIND_LABELS, isVaultEntryKind } from "../../../../shared/domain/vault-entries";
import { Alert } from "../../ui/Alert";
import { ChoiceCards } from "../../ui/ChoiceCards";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { FormFooter } from "../../ui/FormFooter";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useVaultStore } from "../vault";
import { useTeamStore } from "./team-store";

type Source = "vault" | "typed";
const SOURCES = [
  { value: "vault" as const, title: "From your vault", hint: "A key or secret you already keep in your personal vault." },
  { value: "typed" as const, title: "Type or paste it", hint: "A key of this workspace is linked to its key by itself." },
];
const TypedForm = AddEntryInput.options[1].omit({ from: true });

export function AddEntryDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <AddEntryForm onClose={onClose} /> : null;
}

function AddEntryForm({ onClose }: { onClose: () => void }) {
  const [source, setSource] = useState<Source>("vault");
  const entries = useVaultStore((state) => state.entries);
  const loadEntries = useVaultStore((state) => state.loadEntries);
  const addEntry = useTeamStore((store) => store.addEntry);
  const adding = useAsyncAction();
  const [vaultEntryId, setVaultEntryId] = useState("");
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const form = useZodForm(TypedForm, { label: "", secret: "" });
  const shareable = (entries ?? []).filter((entry) => entry.kind !== "member_identity");

  useEffect(() => {
    void loadEntries();
  }, [loadEntries]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (source === "vault") {
      if (!vaultEntryId) {
        setChoiceError("Choose an entry of your vault");
        return;
      }
      if (await adding.run(() => addEntry({ from: "vault", vaultEntryId }))) onClose();
      return;
    }
    await form.handleSubmit(async ({ label, secret }) => {
      if (await adding.run(() => addEntry({ from: "typed", label, secret }))) onClose();
    })();
  };

  return (
    <Modal open onRequestClose={onClose} title="Add an entry to the team vault" description="Every member can copy it. If someone leaves, it is on the list of what they could read.">
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceCards legend="What to share" choices={SOURCES} value={source} onChange={setSource} />
        {source === "vault" ? (
          shareable.length === 0 ? (
            <Alert tone="info">{entries === null ? "Loading your vault's entries…" : "Your vault holds nothing to share yet."}</Alert>
          ) : (
            <Field label="Entry" error={choiceError}>
              {(control) => (
                <select
                  {...control}
                  className="select input"
                  value={vaultEntryId}
                  onChange={(event) => {
                    setVaultEntryId(event.target.value);
                    setChoiceError(null);
                  }}
                >
                  <option value="">Choose…</option>
                  {shareable.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.label} ({isVaultEntryKind(entry.kind) ? ENTRY_KIND_LABELS[entry.kind] : entry.kind}
                      {entry.meta.display ? `, ${entry.meta.display}` : ""})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )
        ) : (
          <>
            <Field label="Secret" hint="Sent to Keyward's background process and encrypted into the team vault; never shown here again." error={form.formState.errors.secret?.message ?? null}>
              {(control) => <input {...control} {...form.register("secret")} className="input" type="password" autoComplete="off" spellCheck={false} />}
            </Field>
            <Field label="Label" optional hint="A key of this workspace takes its key's name when you leave this empty." error={form.formState.errors.label?.message ?? null}>
              {(control) => <input {...control} {...form.register("label")} className="input" />}
            </Field>
          </>
        )}
        <FormFooter action={adding} submitLabel="Add to team vault" onCancel={onClose} />
      </form>
    </Modal>
  );
}
