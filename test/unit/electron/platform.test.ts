import { EventEmitter } from "node:events";
import { clipboard, powerMonitor, safeStorage } from "electron";
import { describe, expect, it, vi } from "vitest";
import { ClipboardGuard } from "../../../core/clipboard/clipboard-guard";
import { electronCliLaunch } from "../../../electron/main/platform/cli-launch";
import { electronClipboard } from "../../../electron/main/platform/clipboard";
import { safeStorageKeychain } from "../../../electron/main/platform/keychain";
import { lockVaultOnSleep } from "../../../electron/main/platform/power";

vi.mock("electron", async () => {
  const { EventEmitter } = await import("node:events");
  let text = "";
  return {
    clipboard: {
      writeText: vi.fn((value: string) => (text = value)),
      readText: vi.fn(() => text),
      clear: vi.fn(() => (text = "")),
      writeBuffer: vi.fn(),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => "gnome_libsecret"),
      encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
      decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace(/^enc:/, "")),
    },
    powerMonitor: new EventEmitter(),
  };
});

describe("Electron clipboard adapter", () => {
  it("writes the secret as text and clears it only while it is still ours", () => {
    const guard = new ClipboardGuard(electronClipboard);
    guard.copy("uo_live_secret", 30);
    expect(clipboard.readText()).toBe("uo_live_secret");
    // Electron 41 cannot add a concealed marker in the same transaction; a separate write would erase the text.
    expect(clipboard.writeBuffer).not.toHaveBeenCalled();
    guard.clearIfOurs();
    expect(clipboard.readText()).toBe("");
    guard.copy("uo_live_secret", 30);
    clipboard.writeText("something the user copied");
    guard.clearIfOurs();
    expect(clipboard.readText()).toBe("something the user copied");
  });
});

describe("safeStorage keychain adapter", () => {
  it("round-trips binary keys through safeStorage's strings", () => {
    const key = Buffer.from([0, 255, 1, 254, 10, 13, 0, 128]);
    expect(safeStorageKeychain.decrypt(safeStorageKeychain.encrypt(key))).toEqual(key);
  });

  it.runIf(process.platform === "linux")("refuses Linux's basic_text store", () => {
    expect(safeStorageKeychain.isAvailable()).toEqual({ ok: true });
    vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue("basic_text");
    expect(safeStorageKeychain.isAvailable()).toEqual({
      ok: false,
      reason: "This system has no real keychain (Electron reports basic_text), so the vault key will not be stored outside the vault.",
    });
  });
});

describe("power events", () => {
  it("lock the vault on suspend and screen lock", async () => {
    const vault = { lock: vi.fn(async () => undefined) };
    lockVaultOnSleep(vault);
    (powerMonitor as unknown as EventEmitter).emit("suspend");
    (powerMonitor as unknown as EventEmitter).emit("lock-screen");
    expect(vault.lock.mock.calls).toEqual([["suspend"], ["screen_lock"]]);
  });
});

describe("CLI launch", () => {
  it("runs the bundled CLI with Electron as Node", () => {
    const launch = electronCliLaunch("/app/out/main/keyward-cli.js");
    expect(launch.execPath).toBe(process.execPath);
    expect(launch.args).toEqual(["/app/out/main/keyward-cli.js"]);
    expect(launch.env?.ELECTRON_RUN_AS_NODE).toBe("1");
  });
});
