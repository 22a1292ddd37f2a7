/**
 * Monitoring's thresholds: when a key counts as orphaned, never used, dormant, shared, broader than
 * its use, or expiring soon. Bounds and defaults come from shared/domain/findings, the one place the
 * main process checks them too. Saving recomputes the findings.
 */
import { DEFAULT_FINDING_SETTINGS, FindingSettings } from "../../../../shared/domain/findings";
import type { Preferences } from "../../../../shared/ipc/contract";
import { Field } from "../../ui/Field";
import { FormFooter } from "../../ui/FormFooter";
import { useZodForm } from "../../ui/form";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useSettingsStore } from "./settings-store";

type Threshold = keyof FindingSettings;

const TEXT: Record<Threshold, { label: string; hint: string }> = {
  orphanedDays: { label: "Orphaned after (days without use)", hint: "An active key not used for this long is orphaned: revoke it if nothing needs it." },
  neverUsedDays: { label: "Never used, once older than (days)", hint: "An active key this old that has never made a request." },
  dormantDays: { label: "Dormant after (days without use)", hint: "A key used today after this long without use is flagged as awakened." },
  broaderWindowDays: { label: "Judge each key's scope over the last (days)", hint: "A full key with no settings call, or a write key with no write, in this window is broader than its use." },
  broaderMinAgeDays: { label: "Judge the scope of keys at least (days old)", hint: "Younger keys have not shown what they do yet." },
  refusedWindowDays: { label: "Report refused requests of the last (days)", hint: "Requests with a revoked or expired key: an integration not updated, or someone trying a leaked key." },
  sharedClientCount: { label: "A key is shared when more clients than", hint: "Distinct clients (IP address and user agent) that used one key: one key per integration." },
  sharedWindowDays: { label: "… use it within (days)", hint: "The window in which clients are counted." },
  expiringDays: { label: "Expiring soon: within (days)", hint: "A key whose expiry is this close." },
};
const FIELDS = Object.keys(TEXT) as Threshold[];

function range(field: Threshold): string {
  const { minValue, maxValue } = FindingSettings.shape[field].unwrap() as unknown as { minValue: number; maxValue: number };
  return `${minValue} to ${maxValue}; default ${DEFAULT_FINDING_SETTINGS[field]}.`;
}

export function FindingThresholdsForm({ preferences }: { preferences: Preferences }) {
  const save = useSettingsStore((state) => state.save);
  const saving = useAsyncAction();
  const form = useZodForm(FindingSettings, preferences.findings);
  const { errors, isSubmitSuccessful } = form.formState;
  // The findings follow the preferences (see the findings store): saving recomputes them.
  const submit = form.handleSubmit((findings) => saving.run(() => save({ findings })));
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="settings-grid">
        {FIELDS.map((field) => (
          <Field key={field} label={TEXT[field].label} hint={`${TEXT[field].hint} ${range(field)}`} error={errors[field]?.message ?? null}>
            {(control) => <input {...control} {...form.register(field, { valueAsNumber: true })} className="input input-number" type="number" inputMode="numeric" step={1} />}
          </Field>
        ))}
      </div>
      <FormFooter action={saving} submitLabel="Save thresholds" layout="card" success={isSubmitSuccessful ? "Thresholds saved; findings checked again." : null} />
    </form>
  );
}
