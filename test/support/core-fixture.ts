/**
 * Vitest fixtures for tests of the app core: a real workspace server on loopback, a clock the test
 * can move, and a real app core attached to that workspace, called through the same dispatch as
 * Electron and the harness. Each test gets its own, and both are stopped after it.
 */
import { test as base } from "vitest";
import type { IpcResult } from "../../shared/ipc/errors";
import { callChannel, channelValue, createTestCore, type TestCore } from "./app-core";
import { startWorkspace, type TestWorkspace } from "./test-server";

export const DAY_MS = 86_400_000;

/** Real time, shifted by what the test asks (the server keeps real time; the app's clock moves). */
export class TestClock {
  offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  setDays(days: number): void {
    this.offsetMs = days * DAY_MS;
  }
}

export interface AppUnderTest extends TestCore {
  call(channel: string, input?: unknown): Promise<IpcResult<unknown>>;
  value<T = any>(channel: string, input?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any shape
  /** The secret behind a handle, as the dialog's "Show" gets it. */
  reveal(handle: string): Promise<string>;
  /** Quits and starts again on the same data folder (what survives a restart); this object then drives the new core. */
  restart(): Promise<void>;
}

export const coreTest = base.extend<{ workspace: TestWorkspace; clock: TestClock; app: AppUnderTest }>({
  workspace: async ({}, use) => {
    const workspace = await startWorkspace();
    await use(workspace);
    await workspace.stop();
  },
  clock: async ({}, use) => {
    await use(new TestClock());
  },
  app: async ({ workspace, clock }, use) => {
    const start = async (dataDir?: string): Promise<TestCore> => {
      const t = createTestCore({ attached: { name: "Test workspace", url: workspace.url, adminToken: workspace.adminToken }, now: clock.now, ...(dataDir ? { dataDir } : {}) });
      await t.core.start();
      return t;
    };
    // One object for the whole test: a restart swaps the core behind it.
    const app = (await start()) as AppUnderTest;
    Object.assign(app, {
      call: (channel: string, input?: unknown) => callChannel(app, channel, input),
      value: (channel: string, input?: unknown) => channelValue(app, channel, input),
      reveal: async (handle: string) => (await channelValue<{ secret: string }>(app, "secrets.reveal", { handle })).secret,
      restart: async () => {
        await app.core.dispose();
        const { core, handlers, clipboard, notifier, events } = await start(app.dataDir);
        Object.assign(app, { core, handlers, clipboard, notifier, events });
      },
    });
    await use(app);
    await app.core.dispose();
  },
});
