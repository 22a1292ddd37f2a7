/**
 * preferences.json: the user's settings (bounds and defaults from shared/domain/preferences), the
 * remote workspaces (name and URL only: their admin tokens are in the vault), the last workspace
 * and the window's place. Never a secret. Each field repairs itself to its default when a
 * hand-edited file holds something invalid.
 */
import path from "node:path";
import { z } from "zod";
import { DEFAULT_FINDING_SETTINGS, FindingSettings } from "../../../shared/domain/findings";
import { DEFAULT_PREFERENCE_VALUES, PREFERENCE_FIELDS, type PreferenceValues } from "../../../shared/domain/preferences";
import { VersionedFile } from "../../persist/versioned-file";

export const RemoteWorkspace = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** A production workspace is marked in the app with a coloured band. */
  production: z.boolean().catch(false).default(false),
});
export type RemoteWorkspace = z.infer<typeof RemoteWorkspace>;

const WindowBounds = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const repairedFindings = z
  .object(Object.fromEntries(Object.entries(FindingSettings.shape).map(([name, schema]) => [name, schema.catch(DEFAULT_FINDING_SETTINGS[name as keyof FindingSettings])])))
  .catch(DEFAULT_FINDING_SETTINGS) as unknown as z.ZodType<FindingSettings>;

export const PreferencesContent = z.object({
  clipboardClearSeconds: PREFERENCE_FIELDS.clipboardClearSeconds.schema.catch(PREFERENCE_FIELDS.clipboardClearSeconds.default),
  autoLockMinutes: PREFERENCE_FIELDS.autoLockMinutes.schema.catch(PREFERENCE_FIELDS.autoLockMinutes.default),
  rotationDays: PREFERENCE_FIELDS.rotationDays.schema.catch(PREFERENCE_FIELDS.rotationDays.default),
  heldSecretMinutes: PREFERENCE_FIELDS.heldSecretMinutes.schema.catch(PREFERENCE_FIELDS.heldSecretMinutes.default),
  findings: repairedFindings,
  lastWorkspaceId: z.string().nullable().catch(null),
  workspaces: z.array(RemoteWorkspace).catch([]),
  windowBounds: WindowBounds.nullable().catch(null),
});
export type PreferencesContent = z.infer<typeof PreferencesContent>;

export const PREFERENCES_FILE = "preferences.json";

export function openPreferencesFile(dataDir: string): VersionedFile<PreferencesContent> {
  return new VersionedFile({
    what: "your settings",
    file: path.join(dataDir, PREFERENCES_FILE),
    version: 1,
    schema: PreferencesContent,
    // Version 0 also held rotations and reminders: they have files of their own now (legacy.ts).
    migrations: { 0: ({ rotations: _rotations, remindersSent: _reminders, ...rest }) => rest },
    defaults: () => PreferencesContent.parse({}),
  });
}

export function preferenceValues(content: PreferencesContent): PreferenceValues {
  const { clipboardClearSeconds, autoLockMinutes, rotationDays, heldSecretMinutes, findings } = content;
  return { ...DEFAULT_PREFERENCE_VALUES, clipboardClearSeconds, autoLockMinutes, rotationDays, heldSecretMinutes, findings };
}
