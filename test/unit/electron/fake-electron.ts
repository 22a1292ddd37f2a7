/** Stand-ins for the parts of Electron the main-process tests drive (the binary is not installed here). */
import { EventEmitter } from "node:events";
import { vi } from "vitest";

export type Frame = { processId: number; routingId: number; url: string; parent: Frame | null };

export function fakeWindow(id: number, url = "app://keyward/index.html") {
  const mainFrame: Frame = { processId: 7, routingId: 100 + id, url, parent: null };
  const webContents = {
    id,
    mainFrame,
    getURL: () => mainFrame.url,
    send: vi.fn(),
  };
  let destroyed = false;
  return {
    webContents,
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
    },
  };
}

export type FakeWindow = ReturnType<typeof fakeWindow>;

/** An ipcMain that records ipcMain.handle registrations. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    removeAllListeners: vi.fn(),
  };
}

export function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return Object.assign(emitter, {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    open: (url: string) => openHandler!({ url }),
  });
}

export const preventable = () => ({ preventDefault: vi.fn() });
