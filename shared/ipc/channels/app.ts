/** The app itself, the clipboard, and the preferences. */
import { z } from "zod";
import { PreferencesPatch, PreferenceValues } from "../../domain/preferences";
import { channel, Id, NoInput, Time } from "./common";
import { SecretHandle } from "./keys";

export const AppInfo = z.object({ version: z.string(), contractVersion: z.number().int(), platform: z.string() });

export const CopyResult = z.object({ clearsAt: Time, seconds: z.number().int() });
export type CopyResult = z.infer<typeof CopyResult>;
export const ClipboardStatus = z.object({ clearsAt: Time.nullable() });

export const Preferences = PreferenceValues.extend({ lastWorkspaceId: z.string().nullable() });
export type Preferences = z.infer<typeof Preferences>;

export const APP_CHANNELS = {
  info: channel(NoInput, AppInfo),
} as const;

export const CLIPBOARD_CHANNELS = {
  copySecret: channel(SecretHandle, CopyResult),
  copyVaultEntry: channel(z.strictObject({ id: Id }), CopyResult),
  status: channel(NoInput, ClipboardStatus),
  clear: channel(NoInput, ClipboardStatus),
} as const;

export const PREFERENCE_CHANNELS = {
  get: channel(NoInput, Preferences),
  set: channel(PreferencesPatch, Preferences),
} as const;
