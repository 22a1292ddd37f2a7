/**
 * What the app core needs from the platform it runs on. Electron's main process supplies the real
 * ones (clipboard, safeStorage, utility processes, notifications, save dialogs); the browser
 * harness supplies its own, small and named as such. Everything else is the same code on both.
 */
import type { EventName, EventPayload } from "../../shared/ipc/contract";
import type { ClipboardAdapter } from "../clipboard/clipboard-guard";
import type { KeychainAdapter } from "../vault";
import type { CliLauncher } from "../workspace/cli-launcher";
import type { Notifier } from "./rotation/reminder-service";

export interface SaveFileRequest {
  /** What is being saved, in words, for the dialog's title: "Export keys". */
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface OpenFileRequest {
  /** What is being opened, in words, for the dialog's title: "Open an audit bundle". */
  title: string;
  filters: { name: string; extensions: string[] }[];
}

export interface Platform {
  appVersion: string;
  platformName: string;
  /** The app's data folder: vault file, preferences and local workspace live here. */
  dataDir: string;
  clipboard: ClipboardAdapter;
  keychain: KeychainAdapter;
  /** How to run the `keyward` command line (the local workspace server). */
  cli: CliLauncher;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Desktop notifications (rotation reminders). */
  notifier: Notifier;
  /** Asks where to save a file; the chosen path, or null when the user cancelled. */
  chooseSaveFile(request: SaveFileRequest): Promise<string | null>;
  /** Asks which file to open; the chosen path, or null when the user cancelled. */
  chooseOpenFile(request: OpenFileRequest): Promise<string | null>;
  /** Asks for a folder (the scanner's target); the chosen path, or null when the user cancelled. */
  chooseFolder(request: { title: string }): Promise<string | null>;
}
