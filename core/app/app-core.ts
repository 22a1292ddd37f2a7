/** Builds the app's services on a platform, and takes them down on quit (clipboard cleared, vault locked, local server stopped). */
import { ClipboardGuard } from "../clipboard/clipboard-guard";
import type { CreateOptions } from "../vault";
import type { ApiKey } from "../../shared/api/schemas";
import { KeyService } from "./key-service";
import { PendingSecrets } from "./pending-secrets";
import type { Platform } from "./platform";
import { ReminderService } from "./reminder-service";
import { RotationService } from "./rotation-service";
import { VaultService } from "./vault-service";
import { WorkspaceService } from "./workspace-service";

const REMINDER_CHECK_MS = 60 * 60_000;

export interface AppCore {
  platform: Platform;
  vault: VaultService;
  workspaces: WorkspaceService;
  keys: KeyService;
  rotations: RotationService;
  reminders: ReminderService;
  clipboard: ClipboardGuard;
  pending: PendingSecrets;
  now: () => Date;
  /** Connects to the last (or the local) workspace. */
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
  /** The clock for reminders and rotations (tests control it). */
  now?: () => Date;
}

export function createAppCore(platform: Platform, options: AppCoreOptions = {}): AppCore {
  const now = options.now ?? (() => new Date());
  const pending = new PendingSecrets(() => now().getTime());
  let workspaces: WorkspaceService | null = null;
  const vault = new VaultService({
    dataDir: platform.dataDir,
    keychain: platform.keychain,
    idleLockMinutes: () => platform.preferences.read().autoLockMinutes,
    ...(options.vaultCreateOptions ? { createOptions: options.vaultCreateOptions } : {}),
    onChange: (status, reason) => {
      platform.emit("vault.changed", { ...status, reason });
      if (status.unlocked) void workspaces?.retryIfWaitingForVault();
      else void workspaces?.vaultLocked();
    },
  });
  let rotations: RotationService | null = null;
  const ready = new WorkspaceService({
    dataDir: platform.dataDir,
    cliLaunch: platform.cliLaunch,
    preferences: platform.preferences,
    vault,
    onChange: (state) => {
      platform.emit("workspace.changed", state);
      if (rotations) platform.emit("rotation.changed", rotations.list());
      if (state.state === "connected") void checkReminders();
    },
    ...(options.attachedWorkspace ? { attached: options.attachedWorkspace } : {}),
  });
  workspaces = ready;
  const clipboard = new ClipboardGuard(platform.clipboard, (clearsAt) => platform.emit("clipboard.changed", { clearsAt }));
  const keys = new KeyService(ready, vault, pending);
  rotations = new RotationService({
    workspaces: ready,
    vault,
    pending,
    clipboard,
    preferences: platform.preferences,
    now,
    onChange: (list) => platform.emit("rotation.changed", list),
  });
  const rotationService = rotations;
  const reminders = new ReminderService({
    preferences: platform.preferences,
    notifier: platform.notifier,
    now,
    rotatingKeyIds: () => new Set(rotationService.list().flatMap((rotation) => [rotation.oldKeyId, rotation.newKeyId])),
    onClick: (keyId) => platform.emit("reminder.clicked", { keyId }),
  });

  const keysSeen = async (seen: ApiKey[]) => {
    const workspaceId = ready.current().workspace?.id;
    if (workspaceId) reminders.check(workspaceId, seen);
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
  const timer = setInterval(() => void checkReminders(), REMINDER_CHECK_MS);
  timer.unref();

  return {
    platform,
    vault,
    workspaces: ready,
    keys,
    rotations: rotationService,
    reminders,
    clipboard,
    pending,
    now,
    async start() {
      await ready.start();
    },
    keysSeen,
    async dispose() {
      clearInterval(timer);
      pending.clear();
      // A clipboard that cannot be read or cleared must not keep the vault unlocked: lock and
      // stop first, then report it.
      const cleared = await clipboard.clearIfOurs().then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      );
      await vault.lock("quit");
      await ready.dispose();
      if (!cleared.ok) throw cleared.error;
    },
  };
}
