/**
 * Adds a member from the card they sent: first the card is read and its fingerprint shown, to
 * compare with the person by phone or in person (a card changed on the way shows another one);
 * only then "Add".
 */
import { useState } from "react";
import { z } from "zod";
import type { CardPreview } from "../../../../shared/ipc/contract";
import { MemberCardText } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useZodForm } from "../../ui/form";
import { FormFooter } from "../../ui/FormFooter";
import { Modal } from "../../ui/Modal";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Fingerprint } from "./Fingerprint";
import { useTeamStore } from "./team-store";

const CardForm = z.object({ card: MemberCardText });

export function AddMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <AddMember onClose={onClose} /> : null;
}

function AddMember({ onClose }: { onClose: () => void }) {
  const readCard = useTeamStore((store) => store.readCard);
  const addMember = useTeamStore((store) => store.addMember);
  const reading = useAsyncAction();
  const adding = useAsyncAction();
  const [preview, setPreview] = useState<{ card: string; read: CardPreview } | null>(null);
  const form = useZodForm(CardForm, { card: "" });
  const check = form.handleSubmit(({ card }) =>
    reading.run(async () => {
      setPreview({ card, read: await readCard(card) });
    }),
  );

  return (
    <Modal open onRequestClose={onClose} title="Add a member" description="Paste the member card they sent you (it starts with keyward-member:1:).">
      {!preview ? (
        <form className="modal-form" onSubmit={(event) => void check(event)} noValidate>
          <Field label="Member card" error={form.formState.errors.card?.message ?? null}>
            {(control) => <textarea {...control} {...form.register("card")} className="input member-card-text" rows={4} spellCheck={false} autoFocus />}
          </Field>
          <FormFooter action={reading} submitLabel="Check card" onCancel={onClose} />
        </form>
      ) : (
        <div className="modal-form">
          <dl className="identity-facts">
            <div>
              <dt>Name</dt>
              <dd>{preview.read.name}</dd>
            </div>
            <div>
              <dt>Fingerprint</dt>
              <dd>
                <Fingerprint value={preview.read.fingerprint} />
              </dd>
            </div>
          </dl>
          {preview.read.isYou ? (
            <Alert tone="info">This is your own card: you are already a member.</Alert>
          ) : preview.read.alreadyMember ? (
            <Alert tone="info">{preview.read.name} is already a member of this team vault.</Alert>
          ) : (
            <Alert tone="warning">
              <strong>Compare this fingerprint with {preview.read.name}</strong> by phone or in person (not in the chat the card came through). If a single
              character differs, do not add this card.
            </Alert>
          )}
          {adding.error ? <Alert>{adding.error.message}</Alert> : null}
          <footer className="modal-footer">
            <Button onClick={() => setPreview(null)}>Back</Button>
            {preview.read.isYou || preview.read.alreadyMember ? (
              <Button variant="primary" onClick={onClose}>
                Close
              </Button>
            ) : (
              <Button
                variant="primary"
                busy={adding.busy}
                onClick={() =>
                  void adding.run(async () => {
                    await addMember(preview.card);
                    onClose();
                  })
                }
              >
                The fingerprints match: add {preview.read.name}
              </Button>
            )}
          </footer>
        </div>
      )}
    </Modal>
  );
}
