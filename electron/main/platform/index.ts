/*
 * The Electron platform for the app core: the only place where the desktop app differs from the
 * browser harness (test/harness/harness-platform.ts), adapter by adapter.
 */
import { app, dialog } from "electron";
import type { Platform } from "../../../core/app/platform";
import { electronCliLauncher } from "./cli-launch";
import { electronClipboard } from "./clipboard";
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
    async chooseSaveFile(request) {
      const result = await dialog.showSaveDialog({ title: request.title, defaultPath: request.defaultName, filters: request.filters });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile(request) {
      const result = await dialog.showOpenDialog({ title: request.title, filters: request.filters, properties: ["openFile"] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder(request) {
      const result = await dialog.showOpenDialog({ title: request.title, properties: ["openDirectory"] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
