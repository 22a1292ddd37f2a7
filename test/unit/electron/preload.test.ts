import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { CHANNEL_NAMES, CONTRACT, EVENT_NAMES } from "../../../shared/ipc/contract";

type Exposed = Record<string, unknown> & { on: (event: string, listener: unknown) => () => void };

/** A fake of the two Electron modules a preload may use, recording what it exposes. */
function fakeRendererElectron(invokeResult: () => Promise<unknown> = async () => ({ ok: true, value: "pong" })) {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn((_channel: string, _input: unknown) => invokeResult()) });
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer };
  return { electron, exposed, ipcRenderer, bridge: () => exposed.get("keyward") as Exposed };
}

async function checkBridge(load: (electron: object) => Promise<void>) {
  const fake = fakeRendererElectron();
  await load(fake.electron);
  expect([...fake.exposed.keys()]).toEqual(["keyward"]);
  const bridge = fake.bridge();
  expect(Object.keys(bridge).sort()).toEqual([...Object.keys(CONTRACT), "on"].sort());
  for (const name of CHANNEL_NAMES) {
    const [domain, method] = name.split(".") as [string, string];
    const call = (bridge[domain] as Record<string, (input: unknown) => Promise<unknown>>)[method]!;
    await expect(call({ probe: name })).resolves.toEqual({ ok: true, value: "pong" });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(`keyward:${name}`, { probe: name });
  }
  // Events: only contract events, listeners get the payload alone, and unsubscribing works.
  const listener = vi.fn();
  const off = bridge.on("vault.changed", listener);
  fake.ipcRenderer.emit("keyward-event:vault.changed", { sender: "secret internals" }, { unlocked: false });
  expect(listener).toHaveBeenCalledWith({ unlocked: false });
  expect(listener.mock.calls[0]).toHaveLength(1);
  off();
  expect(fake.ipcRenderer.listenerCount("keyward-event:vault.changed")).toBe(0);
  expect(() => bridge.on("keyward:keys.list", () => {})).toThrow(/Unknown Keyward event/);
  expect(() => bridge.on(EVENT_NAMES[0]!, "not a function")).toThrow(/function/);
}

describe("the preload (source)", () => {
  it("exposes window.keyward from the contract and nothing else", async () => {
    await checkBridge(async (electron) => {
      vi.resetModules();
      vi.doMock("electron", () => electron);
      await import("../../../electron/preload/index");
      vi.doUnmock("electron");
    });
  });

  it("answers an IpcResult even when the main process does not answer", async () => {
    const fake = fakeRendererElectron(() => Promise.reject(new Error("No handler registered for 'keyward:app.info'")));
    vi.resetModules();
    vi.doMock("electron", () => fake.electron);
    await import("../../../electron/preload/index");
    vi.doUnmock("electron");
    const app = fake.bridge().app as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(app.info!(undefined)).resolves.toMatchObject({ ok: false, error: { code: "internal" } });
  });
});

const bundle = path.resolve(import.meta.dirname, "../../../out/preload/index.cjs");

describe.skipIf(!fs.existsSync(bundle))("the built preload (out/preload/index.cjs; skipped until `npm run build`)", () => {
  it("is one self-contained CommonJS file that requires only electron", () => {
    const code = fs.readFileSync(bundle, "utf8");
    expect([...code.matchAll(/\brequire\(\s*([^)]*)\)/g)].map((match) => match[1])).toEqual(['"electron"']);
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
  });

  it("builds the same bridge when run in a bare context with only require('electron')", async () => {
    await checkBridge(async (electron) => {
      const code = fs.readFileSync(bundle, "utf8");
      const requireElectronOnly = (id: string) => {
        if (id !== "electron") throw new Error(`the sandboxed preload required "${id}"`);
        return electron;
      };
      const module = { exports: {} };
      vm.runInNewContext(code, { require: requireElectronOnly, module, exports: module.exports, console }, { filename: bundle });
    });
  });
});
