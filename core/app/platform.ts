/**
 * What the app core needs from the platform it runs on. Electron's main process supplies the real
 * ones (clipboard, safeStorage, electron-store); the browser harness supplies its own, small and
 * named as such. Everything else is the same code on both.
 */
import type { EventName, EventPayload } from "../../shared/ipc/contract";
import type { ClipboardAdapter } from "../clipboard/clipboard-guard";
import type { KeychainAdapter } from "../vault";
import type { CliLaunch } from "../workspace/local-workspace";
import type { PreferencesStore } from "./preferences";
import type { Notifier } from "./reminder-service";

export interface Platform {
  appVersion: string;
  platformName: string;
  /** The app's data folder: vault file and local workspace live here. */
  dataDir: string;
  clipboard: ClipboardAdapter;
  keychain: KeychainAdapter;
  preferences: PreferencesStore;
  cliLaunch: CliLaunch;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Desktop notifications (rotation reminders). */
  notifier: Notifier;
}
