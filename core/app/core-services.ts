/**
 * The app core's services, which feature services (scans, team vaults, findings, audit) are built
 * on: each feature service takes this and nothing else, so adding one never reaches into another.
 */
import type { ClipboardGuard } from "../clipboard/clipboard-guard";
import type { ActivityLog } from "./audit/activity-log";
import type { HeldSecrets } from "./keys/held-secrets";
import type { KeyService } from "./keys/key-service";
import type { Platform } from "./platform";
import type { PreferencesService } from "./preferences/preferences-service";
import type { ReminderService } from "./rotation/reminder-service";
import type { RotationService } from "./rotation/rotation-service";
import type { AppState } from "./state";
import type { VaultService } from "./vault/vault-service";
import type { WorkspaceService } from "./workspaces/workspace-service";

export interface CoreServices {
  platform: Platform;
  state: AppState;
  preferences: PreferencesService;
  vault: VaultService;
  workspaces: WorkspaceService;
  keys: KeyService;
  rotations: RotationService;
  reminders: ReminderService;
  clipboard: ClipboardGuard;
  held: HeldSecrets;
  /** Keyward's own security actions, in the local audit log. */
  activity: ActivityLog;
  now: () => Date;
}
