/** Clipboard clearing, vault auto-lock, held secrets and the rotation policy, with the bounds the contract defines; and monitoring's thresholds. */
import { useEffect, type ReactNode } from "react";
import { PREFERENCE_FIELDS, PreferenceValues, type PreferenceField } from "../../../../shared/domain/preferences";
import type { Preferences } from "../../../../shared/ipc/contract";
import { quantity } from "../../../../shared/text/count";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { Spinner } from "../../ui/Spinner";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { FindingThresholdsForm } from "./FindingThresholdsForm";
import { useSettingsStore } from "./settings-store";

export function PreferencesForm() {
  return (
    <SettingsCard title="Security">
      {(preferences) => <PreferencesFields preferences={preferences} />}
    </SettingsCard>
  );
}

export function MonitoringSettings() {
  return (
    <SettingsCard title="Monitoring thresholds">
      {(preferences) => <FindingThresholdsForm preferences={preferences} />}
    </SettingsCard>
  );
}

/** A card of the settings screen whose form needs the preferences: loading, failing and retrying alike. */
function SettingsCard({ title, children }: { title: string; children: (preferences: Preferences) => ReactNode }) {
  const preferences = useSettingsStore((state) => state.preferences);
  const loadError = useSettingsStore((state) => state.loadError);
  const load = useSettingsStore((state) => state.load);
  useEffect(() => void load(), [load]);
  return (
    <Section level={2} className="card" title={title}>
      {loadError ? <Alert action={<Button onClick={() => void load()}>Retry</Button>}>{loadError}</Alert> : preferences ? children(preferences) : <Spinner label="Loading settings…" />}
    </Section>
  );
}

const FIELDS = ["clipboardClearSeconds", "autoLockMinutes", "heldSecretMinutes", "rotationDays"] as const satisfies readonly PreferenceField[];
const SecurityForm = PreferenceValues.pick({ clipboardClearSeconds: true, autoLockMinutes: true, heldSecretMinutes: true, rotationDays: true });

const TEXT: Record<(typeof FIELDS)[number], { label: string; hint: string }> = {
  clipboardClearSeconds: { label: "Clear the clipboard after (seconds)", hint: "A copied secret is removed from the clipboard after this long, if it is still there." },
  autoLockMinutes: { label: "Lock the vault after (minutes without activity)", hint: "The vault also locks when the computer sleeps or the screen locks." },
  heldSecretMinutes: { label: "Hold a new key's secret for (minutes)", hint: "How long a new key can be shown or copied while its dialog or rotation is open. Locking the vault drops it at once." },
  rotationDays: { label: "Rotate keys every (days)", hint: "A key is due for rotation this many days after it was created: the keys table shows when, and Keyward reminds you before." },
};

/** "5 to 600; default 30": the bounds and default, from the one place that defines them. */
function range(field: (typeof FIELDS)[number]): string {
  const { schema, default: fallback, unit } = PREFERENCE_FIELDS[field];
  const { minValue, maxValue } = schema as unknown as { minValue: number; maxValue: number };
  return `${minValue} to ${maxValue}; default ${quantity(fallback, unit)}.`;
}

function PreferencesFields({ preferences }: { preferences: Preferences }) {
  const save = useSettingsStore((state) => state.save);
  const saving = useAsyncAction();
  const form = useZodForm(SecurityForm, {
    clipboardClearSeconds: preferences.clipboardClearSeconds,
    autoLockMinutes: preferences.autoLockMinutes,
    heldSecretMinutes: preferences.heldSecretMinutes,
    rotationDays: preferences.rotationDays,
  });
  const { errors, isSubmitSuccessful } = form.formState;
  const submit = form.handleSubmit((values) => saving.run(() => save(values)));
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      {FIELDS.map((field) => (
        <Field key={field} label={TEXT[field].label} hint={`${TEXT[field].hint} ${range(field)}`} error={errors[field]?.message ?? null}>
          {(control) => <input {...control} {...form.register(field, { valueAsNumber: true })} className="input input-number" type="number" inputMode="numeric" step={1} />}
        </Field>
      ))}
      <FormFooter action={saving} submitLabel="Save settings" layout="card" success={isSubmitSuccessful ? "Settings saved." : null} />
    </form>
  );
}
