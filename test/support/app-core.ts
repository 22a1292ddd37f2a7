/** A real app core for tests: temp data folder, the harness's adapters, a real workspace server. */
import path from "node:path";
import { createAppCore, type AppCore, type AppCoreOptions } from "../../core/app/app-core";
import { dispatch } from "../../core/app/dispatch";
import { createHandlers, type HandlerTable } from "../../core/app/handlers";
import type { IpcResult } from "../../shared/ipc/errors";
import type { EventName } from "../../shared/ipc/contract";
import { exportsFolderSaver, HarnessChooser, HarnessClipboard, HarnessNotifier, NO_KEYCHAIN, memoryKeychain, sourceCliLauncher } from "../harness/harness-platform";
import { tempDir } from "./test-server";

/** Small enough to keep tests fast; the vault's own tests cover the calibrated cost. */
export const FAST_VAULT = { kdf: { memoryKiB: 1024, iterations: 1, parallelism: 1 } };

export interface TestCore {
  core: AppCore;
  handlers: HandlerTable;
  clipboard: HarnessClipboard;
  notifier: HarnessNotifier;
  chooser: HarnessChooser;
  events: { event: EventName; payload: unknown }[];
  dataDir: string;
}

export function createTestCore(
  options: { keychain?: "none" | "memory"; attached?: AppCoreOptions["attachedWorkspace"]; dataDir?: string; now?: () => Date } = {},
): TestCore {
  const dataDir = options.dataDir ?? tempDir("core");
  const clipboard = new HarnessClipboard();
  const notifier = new HarnessNotifier();
  const chooser = new HarnessChooser();
  const events: TestCore["events"] = [];
  const core = createAppCore(
    {
      appVersion: "test",
      platformName: "test",
      dataDir,
      clipboard,
      keychain: options.keychain === "memory" ? memoryKeychain() : NO_KEYCHAIN,
      cli: sourceCliLauncher(path.resolve(".")),
      emit: (event, payload) => events.push({ event, payload }),
      notifier,
      chooseSaveFile: exportsFolderSaver(dataDir),
      chooseOpenFile: (request) => chooser.choose(request),
      chooseFolder: (request) => chooser.choose(request),
    },
    { vaultCreateOptions: FAST_VAULT, ...(options.attached ? { attachedWorkspace: options.attached } : {}), ...(options.now ? { now: options.now } : {}) },
  );
  return { core, handlers: createHandlers(core), clipboard, notifier, chooser, events, dataDir };
}

/** One IPC call through the same dispatch as Electron and the harness, answering its IpcResult. */
export function callChannel(core: TestCore, channel: string, input?: unknown): Promise<IpcResult<unknown>> {
  return dispatch(core.handlers, channel, input);
}

/** One IPC call that must succeed; its value, for tests that read any shape. */
export async function channelValue<T = any>(core: TestCore, channel: string, input?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any shape
  const result = await callChannel(core, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
