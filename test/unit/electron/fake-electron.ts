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

export type ClipboardPayload = string | Blob;

/** Electron 45's ClipboardItem as the tests see it: the MIME-keyed payloads it was built with. */
export class FakeClipboardItem {
  constructor(readonly items: Record<string, ClipboardPayload>) {}

  get types(): string[] {
    return Object.keys(this.items);
  }
}

/**
 * Electron 45's promise-based clipboard over one in-memory entry. A write replaces the whole
 * clipboard with the formats of the items given, as the real one does in one transaction.
 */
export function fakeClipboard() {
  let entries: Record<string, ClipboardPayload> = {};
  return {
    write: vi.fn(async (items: FakeClipboardItem[]) => {
      entries = Object.assign({}, ...items.map((item) => item.items)) as Record<string, ClipboardPayload>;
    }),
    writeText: vi.fn(async (text: string) => {
      entries = { "text/plain": text };
    }),
    readText: vi.fn(async () => {
      const text = entries["text/plain"];
      return typeof text === "string" ? text : "";
    }),
    has: vi.fn(async (mime: string) => mime in entries),
    clear: vi.fn(() => {
      entries = {};
    }),
  };
}

/** A ClipboardItem's payloads with each Blob read out as its bytes, for exact comparison. */
export async function payloadsOf(item: FakeClipboardItem): Promise<Record<string, string | number[]>> {
  const read: Record<string, string | number[]> = {};
  for (const [mime, payload] of Object.entries(item.items)) {
    read[mime] = typeof payload === "string" ? payload : [...new Uint8Array(await payload.arrayBuffer())];
  }
  return read;
}
