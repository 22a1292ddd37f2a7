/** Clipboard clearing, vault auto-lock and the rotation policy. Ranges are checked by the main process; its message is shown as is. */
import { useEffect, useState, type FormEvent } from "react";
import { PreferencesPatch, type Preferences } from "../../../../shared/ipc/contract";
import { errorMessage } from "../../ipc/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { Spinner } from "../../ui/Spinner";
import { DEFAULT_ROTATION_DAYS, useSettingsStore } from "./settings-store";

export function PreferencesForm() {
  const preferences = useSettingsStore((state) => state.preferences);
  const loadError = useSettingsStore((state) => state.loadError);
  const load = useSettingsStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="preferences-title">
      <h2 className="card-title" id="preferences-title">
        Security
      </h2>
      {loadError ? (
        <Alert action={<Button onClick={() => void load()}>Retry</Button>}>{loadError}</Alert>
      ) : preferences ? (
        <PreferencesFields preferences={preferences} />
      ) : (
        <Spinner label="Loading settings…" />
      )}
    </section>
  );
}

type FieldName = "clipboardClearSeconds" | "autoLockMinutes" | "rotationDays";
type FieldErrors = Partial<Record<FieldName, string>>;

/**
 * Checks with the contract's own schema first, so each message sits under its field; the main
 * process validates again and its message is shown if it still refuses.
 */
function checkPatch(patch: Record<FieldName, number>): FieldErrors {
  const result = PreferencesPatch.safeParse(patch);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FieldName;
    errors[field] ??= issue.code === "invalid_type" ? "Enter a whole number." : issue.message;
  }
  return errors;
}

function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

function PreferencesFields({ preferences }: { preferences: Preferences }) {
  const save = useSettingsStore((state) => state.save);
  const [clipboardSeconds, setClipboardSeconds] = useState(String(preferences.clipboardClearSeconds));
  const [lockMinutes, setLockMinutes] = useState(String(preferences.autoLockMinutes));
  const [rotationDays, setRotationDays] = useState(String(preferences.rotationDays ?? DEFAULT_ROTATION_DAYS));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const patch = { clipboardClearSeconds: toNumber(clipboardSeconds), autoLockMinutes: toNumber(lockMinutes), rotationDays: toNumber(rotationDays) };
    const errors = checkPatch(patch);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await save(patch);
      setResult({ ok: true, message: "Settings saved." });
    } catch (failure) {
      setResult({ ok: false, message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field label="Clear the clipboard after (seconds)" hint="A copied secret is removed from the clipboard after this long, if it is still there. 5 to 600; default 30." error={fieldErrors.clipboardClearSeconds}>
        {(control) => <input {...control} className="input input-number" type="number" inputMode="numeric" min={5} max={600} step={1} value={clipboardSeconds} onChange={(event) => setClipboardSeconds(event.target.value)} />}
      </Field>
      <Field label="Lock the vault after (minutes without activity)" hint="1 to 1440. The vault also locks when the computer sleeps or the screen locks." error={fieldErrors.autoLockMinutes}>
        {(control) => <input {...control} className="input input-number" type="number" inputMode="numeric" min={1} max={1440} step={1} value={lockMinutes} onChange={(event) => setLockMinutes(event.target.value)} />}
      </Field>
      <Field
        label="Rotate keys every (days)"
        hint="A key is due for rotation this many days after it was created: the keys table shows when, and Keyward reminds you before. 1 to 3650; default 90."
        error={fieldErrors.rotationDays}
      >
        {(control) => <input {...control} className="input input-number" type="number" inputMode="numeric" min={1} max={3650} step={1} value={rotationDays} onChange={(event) => setRotationDays(event.target.value)} />}
      </Field>
      {result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <div className="card-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
