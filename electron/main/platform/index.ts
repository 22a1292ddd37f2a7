/*
 * The Electron platform for the app core: the only place where the desktop app differs from the
 * browser harness (test/harness/harness-platform.ts), adapter by adapter.
 */
import { app } from "electron";
import type { Platform } from "../../../core/app/platform";
import { electronCliLauncher } from "./cli-launch";
import { electronClipboard } from "./clipboard";
import { electronDialogs } from "./dialogs";
import { safeStorageKeychain } from "./keychain";
import { electronNotifier } from "./notifications";

export function createElectronPlatform(options: { dataDir: string; cliBundle: string; emit: Platform["emit"]; focusWindow: () => void }): Platform {
  return {
    appVersion: app.getVersion(),
    platformName: process.platform,
    dataDir: options.dataDir,
    clipboard: electronClipboard,
    keychain: safeStorageKeychain,
    cli: electronCliLauncher(options.cliBundle),
    emit: options.emit,
    notifier: electronNotifier(options.focusWindow),
    ...electronDialogs,
  };
}
