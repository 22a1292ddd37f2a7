/**
 * The user's preferences: each bound and default written once. The IPC contract validates with
 * these schemas, the main process stores them, and the settings form shows the same limits.
 */
import { z } from "zod";
import { quantity, type DurationUnit } from "../text/count";
import { FindingSettings } from "./findings";

const bounded = (min: number, max: number, unit: DurationUnit) =>
  z
    .number({ error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(min, `At least ${quantity(min, unit)}`)
    .max(max, `At most ${quantity(max, unit)}`);

export const PREFERENCE_FIELDS = {
  /** How long a copied secret stays in the clipboard. */
  clipboardClearSeconds: { schema: bounded(5, 600, "second"), default: 30, unit: "second" },
  /** The vault locks after this long without activity. */
  autoLockMinutes: { schema: bounded(1, 1440, "minute"), default: 15, unit: "minute" },
  /** Rotation policy: a key is due this many days after it was created. */
  rotationDays: { schema: bounded(1, 3650, "day"), default: 90, unit: "day" },
  /** How long the main process holds a new key's secret for an open dialog or rotation. */
  heldSecretMinutes: { schema: bounded(1, 60, "minute"), default: 10, unit: "minute" },
} as const;
export type PreferenceField = keyof typeof PREFERENCE_FIELDS;

export const PreferenceValues = z.object({
  clipboardClearSeconds: PREFERENCE_FIELDS.clipboardClearSeconds.schema,
  autoLockMinutes: PREFERENCE_FIELDS.autoLockMinutes.schema,
  rotationDays: PREFERENCE_FIELDS.rotationDays.schema,
  heldSecretMinutes: PREFERENCE_FIELDS.heldSecretMinutes.schema,
  /** Monitoring's thresholds. */
  findings: FindingSettings,
});
export type PreferenceValues = z.infer<typeof PreferenceValues>;

export const DEFAULT_PREFERENCE_VALUES: PreferenceValues = {
  clipboardClearSeconds: PREFERENCE_FIELDS.clipboardClearSeconds.default,
  autoLockMinutes: PREFERENCE_FIELDS.autoLockMinutes.default,
  rotationDays: PREFERENCE_FIELDS.rotationDays.default,
  heldSecretMinutes: PREFERENCE_FIELDS.heldSecretMinutes.default,
  findings: FindingSettings.parse({}),
};

/** A change to some preferences; `findings` may name only the thresholds it changes. */
export const PreferencesPatch = z.strictObject({
  clipboardClearSeconds: PreferenceValues.shape.clipboardClearSeconds.optional(),
  autoLockMinutes: PreferenceValues.shape.autoLockMinutes.optional(),
  rotationDays: PreferenceValues.shape.rotationDays.optional(),
  heldSecretMinutes: PreferenceValues.shape.heldSecretMinutes.optional(),
  findings: FindingSettings.partial().strict().optional(),
});
export type PreferencesPatch = z.infer<typeof PreferencesPatch>;
