/** The revoke confirmation: which key, what happens, why (recorded in the audit log). */
import { useId, useState, type FormEvent } from "react";
import { AlertDialog } from "radix-ui";
import { REVOKE_REASONS, type ApiKey, type RevokeReason } from "../../../../../shared/api/schemas";
import { errorMessage } from "../../../ipc/errors";
import { Alert } from "../../../ui/Alert";
import { Button } from "../../../ui/Button";
import { Field } from "../../../ui/Field";
import { useKeysStore } from "../keys-store";

const REASON_LABELS: Record<RevokeReason, string> = { compromised: "Compromised", unused: "Unused", rotated: "Rotated", other: "Other" };
const REASON_HINTS: Record<RevokeReason, string> = {
  compromised: "It was or may have been exposed.",
  unused: "Nothing uses it any more.",
  rotated: "A newer key has replaced it.",
  other: "Explain briefly below.",
};

export function RevokeForm({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: (revoked: ApiKey, reason: RevokeReason) => void }) {
  const id = useId();
  // "Other" is preselected because it is never untrue; "Compromised" would trigger a replacement offer by mistake.
  const [reason, setReason] = useState<RevokeReason>("other");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = useKeysStore((state) => state.revoke);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRevoked(await revoke(apiKey.id, reason, note.trim() || undefined), reason);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form className="modal-form" onSubmit={(event) => void submit(event)}>
      <header className="modal-header">
        <AlertDialog.Title className="modal-title truncate" title={`Revoke ${apiKey.name}?`}>
          Revoke {apiKey.name}?
        </AlertDialog.Title>
      </header>
      <AlertDialog.Description asChild>
        <div className="modal-description">
          <p className="revoke-key-line">
            <span className="truncate">{apiKey.name}</span> <code className="key-display">{apiKey.display}</code>
          </p>
          <p>Takes effect immediately: any application using it will start getting authentication errors.</p>
        </div>
      </AlertDialog.Description>
      <fieldset className="field">
        <legend className="field-label">Reason</legend>
        <div className="reason-options">
          {REVOKE_REASONS.map((option) => (
            <label key={option} className="reason-option">
              <input type="radio" name={`${id}-reason`} value={option} checked={reason === option} onChange={() => setReason(option)} aria-describedby={`${id}-${option}`} />
              <span>{REASON_LABELS[option]}</span>
              <span className="muted" id={`${id}-${option}`}>
                {REASON_HINTS[option]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Note" optional>
        {(control) => <textarea {...control} className="input textarea" rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <footer className="modal-footer">
        <AlertDialog.Cancel asChild>
          <Button>Cancel</Button>
        </AlertDialog.Cancel>
        <Button type="submit" variant="danger" busy={busy}>
          Revoke key
        </Button>
      </footer>
    </form>
  );
}
