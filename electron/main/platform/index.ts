/*
 * The Electron platform for the app core: the only place where the desktop app differs from the
 * browser harness (test/harness/harness-platform.ts), adapter by adapter.
 */
import { app } from "electron";
import type { Platform } from "../../../core/app/platform";
import { electronCliLaunch } from "./cli-launch";
import { electronClipboard } from "./clipboard";
import { safeStorageKeychain } from "./keychain";
import { electronNotifier } from "./notifications";
import { electronPreferences } from "./preferences";

export function createElectronPlatform(options: { dataDir: string; cliBundle: string; emit: Platform["emit"]; focusWindow: () => void }): Platform {
  return {
    appVersion: app.getVersion(),
    platformName: process.platform,
    dataDir: options.dataDir,
    clipboard: electronClipboard,
    keychain: safeStorageKeychain,
    preferences: electronPreferences(options.dataDir),
    cliLaunch: electronCliLaunch(options.cliBundle),
    emit: options.emit,
    notifier: electronNotifier(options.focusWindow),
  };
}
