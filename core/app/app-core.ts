/** Builds the app's services on a platform, and takes them down on quit (clipboard cleared, vault locked, local server stopped). */
import { ClipboardGuard } from "../clipboard/clipboard-guard";
import type { CreateOptions } from "../vault";
import { KeyService } from "./key-service";
import { PendingSecrets } from "./pending-secrets";
import type { Platform } from "./platform";
import { VaultService } from "./vault-service";
import { WorkspaceService } from "./workspace-service";

export interface AppCore {
  platform: Platform;
  vault: VaultService;
  workspaces: WorkspaceService;
  keys: KeyService;
  clipboard: ClipboardGuard;
  pending: PendingSecrets;
  /** Connects to the last (or the local) workspace. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export interface AppCoreOptions {
  /** Test seam: a small KDF cost instead of the calibrated one. */
  vaultCreateOptions?: CreateOptions;
  /** Connect to this workspace instead of the last or the local one; its token stays in memory. */
  attachedWorkspace?: { name: string; url: string; adminToken: string };
}

export function createAppCore(platform: Platform, options: AppCoreOptions = {}): AppCore {
  const pending = new PendingSecrets();
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
  workspaces = new WorkspaceService({
    dataDir: platform.dataDir,
    cliLaunch: platform.cliLaunch,
    preferences: platform.preferences,
    vault,
    onChange: (state) => platform.emit("workspace.changed", state),
    ...(options.attachedWorkspace ? { attached: options.attachedWorkspace } : {}),
  });
  const keys = new KeyService(workspaces, vault, pending);
  const clipboard = new ClipboardGuard(platform.clipboard, (clearsAt) => platform.emit("clipboard.changed", { clearsAt }));
  const ready = workspaces;
  return {
    platform,
    vault,
    workspaces: ready,
    keys,
    clipboard,
    pending,
    async start() {
      await ready.start();
    },
    async dispose() {
      clipboard.clearIfOurs();
      pending.clear();
      await vault.lock("quit");
      await ready.dispose();
    },
  };
}
