/*
 * Builds the app's services on a platform, and takes them down on quit.
 * Protects against: a secret outliving the session (on quit every held secret is dropped, the
 * clipboard cleared if it still holds Keyward's copy, the vault locked, the local server stopped;
 * a locked vault drops every held secret too). Does not protect against: a process killed before
 * it can quit, which leaves the clipboard as it was (the vault file stays encrypted).
 */
import { ClipboardGuard } from "../clipboard/clipboard-guard";
import { createLog } from "../log";
import type { CreateOptions } from "../vault";
import type { ApiKey } from "../../shared/api/schemas";
import { ActivityLog } from "./audit/activity-log";
import { AuditService } from "./audit/audit-service";
import type { CoreServices } from "./core-services";
import { openDismissalsFile } from "./findings/dismissals-file";
import { FindingsService } from "./findings/findings-service";
import { HeldSecrets } from "./keys/held-secrets";
import { KeyService } from "./keys/key-service";
import type { Platform } from "./platform";
import { PreferencesService } from "./preferences/preferences-service";
import { ReminderService } from "./rotation/reminder-service";
import { RotationService } from "./rotation/rotation-service";
import { ScanService } from "./scan/scan-service";
import { TeamService } from "./team/team-service";
import { openAppState } from "./state";
import { VAULT_FILE_NAME, VaultService } from "./vault/vault-service";
import { WorkspaceService } from "./workspaces/workspace-service";

const REMINDER_CHECK_MS = 60 * 60_000;
const EXPIRY_CHECK_MS = 5_000;
const log = createLog("app");

/** The app core: its services (./core-services), the feature services built on them, and its life cycle. */
export interface AppCore extends CoreServices {
  /** Leak scans of folders and their git history. */
  scans: ScanService;
  /** Monitoring's findings, and the dismissals the user made. */
  findings: FindingsService;
  /** The audit log view, audit bundles, reviews and reports. */
  audits: AuditService;
  /** Team vaults: identity, members, shared entries. */
  team: TeamService;
  /** Saves what was migrated on load, then connects to the last (or the local) workspace. */
  start(): Promise<void>;
  /** What runs whenever the keys were read: reminders due, vault history of retired keys dropped. */
  keysSeen(keys: ApiKey[]): Promise<void>;
  dispose(): Promise<void>;
}

export interface AppCoreOptions {
  /** Test seam: a small KDF cost instead of the calibrated one. */
  vaultCreateOptions?: CreateOptions;
  /** Connect to this workspace instead of the last or the local one; its token stays in memory. */
  attachedWorkspace?: { name: string; url: string; adminToken: string };
  /** The clock for reminders, rotations and held secrets (tests control it). */
  now?: () => Date;
}

export function createAppCore(platform: Platform, options: AppCoreOptions = {}): AppCore {
  const now = options.now ?? (() => new Date());
  const state = openAppState(platform.dataDir);
  const activity = new ActivityLog(platform.dataDir, now);
  let rotations: RotationService | null = null;
  const emitRotations = () => {
    if (rotations) platform.emit("rotation.changed", rotations.list());
  };
  const held = new HeldSecrets(
    () => now().getTime(),
    () => preferences.values().heldSecretMinutes * 60_000,
    (handles, reason) => {
      platform.emit("secrets.dropped", { handles, reason });
      emitRotations();
    },
  );
  let workspaces: WorkspaceService | null = null;
  let teamVaults: TeamService | null = null;
  const vault: VaultService = new VaultService({
    dataDir: platform.dataDir,
    keychain: platform.keychain,
    idleLockMinutes: () => preferences.values().autoLockMinutes,
    ...(options.vaultCreateOptions ? { createOptions: options.vaultCreateOptions } : {}),
    onChange: (status, reason) => {
      platform.emit("vault.changed", { ...status, reason });
      if (reason === "created") void activity.record("vault.created", { file: VAULT_FILE_NAME });
      else if (reason !== "unlocked") void activity.record("vault.locked", { reason: reason === "suspend" ? "sleep" : reason });
      if (status.unlocked) {
        void workspaces?.retryIfWaitingForVault();
        teamVaults?.vaultUnlocked();
      } else {
        // A locked vault takes every held secret with it: an idle desk gives nothing away.
        held.dropAll("locked");
        void workspaces?.vaultLocked();
        // The team vault opens with the identity the personal vault holds: it closes with it.
        teamVaults?.vaultLocked();
      }
    },
  });
  const preferences: PreferencesService = new PreferencesService(state.preferences, async (changed) => {
    if (changed.autoLockMinutes !== undefined) await vault.applyIdleLock();
  });
  const ready = new WorkspaceService({
    dataDir: platform.dataDir,
    cliLaunch: platform.cli,
    preferences: state.preferences,
    vault,
    onChange: (workspaceState) => {
      platform.emit("workspace.changed", workspaceState);
      emitRotations();
      if (workspaceState.state === "connected") void checkReminders();
    },
    ...(options.attachedWorkspace ? { attached: options.attachedWorkspace } : {}),
  });
  workspaces = ready;
  const clipboard = new ClipboardGuard(platform.clipboard, (clearsAt) => platform.emit("clipboard.changed", { clearsAt }));
  const keys = new KeyService(ready, vault, held, activity);
  const rotationService = new RotationService({
    workspaces: ready,
    vault,
    keys,
    held,
    clipboard,
    file: state.rotations,
    now,
    onChange: (list) => platform.emit("rotation.changed", list),
    activity,
  });
  rotations = rotationService;
  const reminders = new ReminderService({
    file: state.reminders,
    rotationDays: () => preferences.values().rotationDays,
    notifier: platform.notifier,
    now,
    rotatingKeyIds: () => rotationService.rotatingKeyIds(),
    onClick: (keyId) => platform.emit("reminder.clicked", { keyId }),
  });

  const keysSeen = async (seen: ApiKey[]) => {
    const workspaceId = ready.current().workspace?.id;
    if (workspaceId) await reminders.check(workspaceId, seen).catch((error: unknown) => log.unexpected("reminders could not be checked", error));
    await rotationService.forgetRetiredSecrets(seen).catch(() => undefined);
  };
  // Reminders are checked when a workspace connects and every hour while the app runs.
  const checkReminders = async () => {
    try {
      await keysSeen(await keys.list());
    } catch {
      // A workspace that went away is reported by the workspace state; reminders wait for the next check.
    }
  };
  const timers = [setInterval(() => void checkReminders(), REMINDER_CHECK_MS), setInterval(() => held.expireNow(), EXPIRY_CHECK_MS)];
  for (const timer of timers) timer.unref();

  const services: CoreServices = {
    platform,
    state,
    preferences,
    vault,
    workspaces: ready,
    keys,
    rotations: rotationService,
    reminders,
    clipboard,
    held,
    activity,
    now,
  };
  const scans = new ScanService(services);
  const team = new TeamService(services);
  teamVaults = team;
  const findings = new FindingsService({ core: services, dismissals: openDismissalsFile(platform.dataDir), leaks: (workspaceId) => scans.leaks(workspaceId) });
  const audits = new AuditService(services, findings);

  return {
    ...services,
    scans,
    team,
    findings,
    audits,
    async start() {
      await state.saveMigrations().catch((error: unknown) => log.unexpected("migrated settings could not be saved", error));
      await ready.start();
    },
    keysSeen,
    async dispose() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all([scans.dispose(), team.dispose(), audits.dispose()]);
      held.dropAll("quit");
      // A clipboard that cannot be read or cleared must not keep the vault unlocked: lock and
      // stop first, then report it.
      const cleared = await clipboard.clearIfOurs().then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      );
      await vault.lock("quit");
      await activity.close();
      await ready.dispose();
      if (!cleared.ok) throw cleared.error;
    },
  };
}
