/*
 * Export of the team or the personal vault to one encrypted file: for the team's members, for the
 * user alone, for pasted member cards, or under a passphrase (typed twice). A personal export asks
 * for the vault's passphrase again.
 * Protects against: passphrases kept in the renderer (they pass through the store action to the
 * main process). Does not protect against: a weak export passphrase (the contract's minimum only).
 */
import { useState } from "react";
import { z } from "zod";
import { NEW_PASSPHRASE_MIN, NewPassphrase, Passphrase, type ImportTarget } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { ChoiceCards, type Choice } from "../../ui/ChoiceCards";
import { DoneFooter } from "../../ui/DoneFooter";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { FormFooter } from "../../ui/FormFooter";
import { countOf } from "../../ui/format";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { targetChoices } from "./targets";
import { useTeamStore } from "./team-store";

type Protection = "members" | "me" | "cards" | "passphrase";

const ExportForm = z
  .object({
    source: z.enum(["personal", "team"]),
    protection: z.enum(["members", "me", "cards", "passphrase"]),
    cards: z.string(),
    passphrase: z.string(),
    confirmation: z.string(),
    vaultPassphrase: z.string(),
  })
  .superRefine((form, context) => {
    if (form.protection === "cards" && cardLines(form.cards).length === 0) context.addIssue({ code: "custom", path: ["cards"], message: "Paste at least one member card" });
    if (form.protection === "passphrase") {
      const checked = NewPassphrase.safeParse(form.passphrase);
      if (!checked.success) context.addIssue({ code: "custom", path: ["passphrase"], message: checked.error.issues[0]!.message });
      else if (form.passphrase !== form.confirmation) context.addIssue({ code: "custom", path: ["confirmation"], message: "The two passphrases differ" });
    }
    if (form.source === "personal" && !Passphrase.safeParse(form.vaultPassphrase).success) context.addIssue({ code: "custom", path: ["vaultPassphrase"], message: "Enter your vault's passphrase" });
  });

const cardLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

function protectionChoices(teamOpen: boolean): Choice<Protection>[] {
  return [
    ...(teamOpen ? [{ value: "members" as const, title: "The team's members", hint: "Each member opens it with their own identity." }] : []),
    { value: "me", title: "Only you", hint: "Your team identity opens it (also with age -d -i)." },
    { value: "cards", title: "Member cards", hint: "Paste the cards of the people who may open it." },
    { value: "passphrase", title: "A passphrase", hint: "Anyone with the passphrase opens it." },
  ];
}

export function ExportDialog({ teamOpen, onClose }: { teamOpen: boolean; onClose: () => void }) {
  const exportVault = useTeamStore((store) => store.exportVault);
  const exporting = useAsyncAction();
  const [saved, setSaved] = useState<{ path: string; entries: number } | null>(null);
  const form = useZodForm(ExportForm, { source: teamOpen ? "team" : "personal", protection: teamOpen ? "members" : "me", cards: "", passphrase: "", confirmation: "", vaultPassphrase: "" });
  const { errors } = form.formState;
  const source = form.watch("source") as ImportTarget;
  const protection = form.watch("protection") as Protection;

  const submit = form.handleSubmit((values) =>
    exporting.run(async () => {
      const chosen =
        values.protection === "cards"
          ? { kind: "cards" as const, cards: cardLines(values.cards) }
          : values.protection === "passphrase"
            ? { kind: "passphrase" as const, passphrase: values.passphrase }
            : { kind: values.protection };
      const result = await exportVault({ source: values.source, protection: chosen, ...(values.source === "personal" ? { vaultPassphrase: values.vaultPassphrase } : {}) });
      if (result.path) setSaved({ path: result.path, entries: result.entries });
    }),
  );

  return (
    <Modal open onRequestClose={onClose} title="Export to an encrypted file" width="lg">
      {saved ? (
        <div className="modal-form">
          <Alert tone="success">
            {countOf(saved.entries, "entry", "entries")} exported to <code className="path">{saved.path}</code>.
          </Alert>
          <DoneFooter onDone={onClose} />
        </div>
      ) : (
        <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
          <ChoiceCards
            legend="What to export"
            choices={targetChoices(teamOpen, "of")}
            value={source}
            onChange={(next) => {
              form.setValue("source", next);
              if (next === "personal" && protection === "members") form.setValue("protection", "me");
            }}
          />
          <ChoiceCards legend="Who can open it" choices={protectionChoices(teamOpen && source === "team")} value={protection} onChange={(next) => form.setValue("protection", next)} />
          {protection === "cards" ? (
            <Field label="Member cards" hint="One card per line (keyward-member:1:…), or age recipients (age1…)." error={errors.cards?.message ?? null}>
              {(control) => <textarea {...control} {...form.register("cards")} className="input member-card-text" rows={4} spellCheck={false} />}
            </Field>
          ) : null}
          {protection === "passphrase" ? (
            <>
              <Field label="Export passphrase" hint={`At least ${NEW_PASSPHRASE_MIN} characters. Give it to the reader another way than the file.`} error={errors.passphrase?.message ?? null}>
                {(control) => <input {...control} {...form.register("passphrase")} className="input" type="password" autoComplete="new-password" />}
              </Field>
              <Field label="Confirm export passphrase" error={errors.confirmation?.message ?? null}>
                {(control) => <input {...control} {...form.register("confirmation")} className="input" type="password" autoComplete="new-password" />}
              </Field>
            </>
          ) : null}
          {source === "personal" ? (
            <Field label="Your vault's passphrase" hint="Asked again before your whole vault leaves this computer." error={errors.vaultPassphrase?.message ?? null}>
              {(control) => <input {...control} {...form.register("vaultPassphrase")} className="input" type="password" autoComplete="current-password" />}
            </Field>
          ) : null}
          <FormFooter action={exporting} submitLabel="Choose where and export" onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}
