/*
 * Import of an encrypted export into the team or the personal vault: opened with the user's
 * identity or the export's passphrase; entries already there keep the newer version and the other
 * secret as history. Says what it did.
 * Protects against: the passphrase kept in the renderer (it passes through the store action).
 * Does not protect against: importing a file from someone untrusted into the team vault; every
 * member then reads what it holds.
 */
import { useState } from "react";
import { z } from "zod";
import { type ImportResult, type ImportTarget } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { ChoiceCards } from "../../ui/ChoiceCards";
import { DoneFooter } from "../../ui/DoneFooter";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { FormFooter } from "../../ui/FormFooter";
import { countOf } from "../../ui/format";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { targetChoices } from "./targets";
import { useTeamStore } from "./team-store";

const KEYS = [
  { value: "identity" as const, title: "Your identity", hint: "An export made for the team's members, for you, or for your card." },
  { value: "passphrase" as const, title: "A passphrase", hint: "An export made under a passphrase." },
];

const ImportForm = z
  .object({ target: z.enum(["personal", "team"]), key: z.enum(["identity", "passphrase"]), passphrase: z.string().max(1024) })
  .refine((form) => form.key !== "passphrase" || form.passphrase !== "", { path: ["passphrase"], message: "Enter the export's passphrase" });

export function ImportDialog({ teamOpen, onClose }: { teamOpen: boolean; onClose: () => void }) {
  const importVault = useTeamStore((store) => store.importVault);
  const importing = useAsyncAction();
  const [result, setResult] = useState<ImportResult | null>(null);
  const form = useZodForm(ImportForm, { target: teamOpen ? "team" : "personal", key: "identity", passphrase: "" });
  const target = form.watch("target") as ImportTarget;
  const key = form.watch("key");
  const submit = form.handleSubmit((values) =>
    importing.run(async () => {
      const done = await importVault({ target: values.target, key: values.key === "passphrase" ? { kind: "passphrase", passphrase: values.passphrase } : { kind: "identity" } });
      if (!done.cancelled) setResult(done);
    }),
  );

  return (
    <Modal open onRequestClose={onClose} title="Import an encrypted export" width="lg">
      {result ? (
        <div className="modal-form">
          <Alert tone="success">
            From <code className="path">{result.file}</code>: {countOf(result.added, "entry", "entries")} added, {result.updated} updated, {result.unchanged} already up to date
            {result.skipped > 0 ? `; ${countOf(result.skipped, "entry", "entries")} left out (a team identity stays personal)` : ""}.
          </Alert>
          <DoneFooter onDone={onClose} />
        </div>
      ) : (
        <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
          <ChoiceCards legend="Import into" choices={targetChoices(teamOpen, "into")} value={target} onChange={(next) => form.setValue("target", next)} />
          <ChoiceCards legend="Open it with" choices={KEYS} value={key} onChange={(next) => form.setValue("key", next)} />
          {key === "passphrase" ? (
            <Field label="Export passphrase" error={form.formState.errors.passphrase?.message ?? null}>
              {(control) => <input {...control} {...form.register("passphrase")} className="input" type="password" autoComplete="off" />}
            </Field>
          ) : null}
          <FormFooter action={importing} submitLabel="Choose file and import" onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}
