import { EventEmitter } from "node:events";
import { clipboard, dialog, powerMonitor, safeStorage } from "electron";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ClipboardGuard } from "../../../core/clipboard/clipboard-guard";
import { electronCliLauncher } from "../../../electron/main/platform/cli-launch";
import { electronClipboard, electronClipboardFor } from "../../../electron/main/platform/clipboard";
import { electronDialogs } from "../../../electron/main/platform/dialogs";
import { safeStorageKeychain } from "../../../electron/main/platform/keychain";
import { lockVaultOnSleep } from "../../../electron/main/platform/power";
import { payloadsOf, type FakeClipboardItem } from "./fake-electron";

vi.mock("electron", async () => {
  const { EventEmitter } = await import("node:events");
  const { fakeClipboard, FakeClipboardItem } = await import("./fake-electron");
  return {
    clipboard: fakeClipboard(),
    ClipboardItem: FakeClipboardItem,
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => "gnome_libsecret"),
      encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
      decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace(/^enc:/, "")),
    },
    powerMonitor: new EventEmitter(),
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  };
});

const SECRET = "uo_live_0123456789abcdefghijklmnopqrstuvwxyzAB";
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;
const SECRET_HINT = [...Buffer.from("secret", "utf8")];
const DWORD_0 = [0, 0, 0, 0];

/** Exactly what each OS gets in the one ClipboardItem: the secret as text/plain, and its markers. */
const EXPECTED_ITEM: Record<"darwin" | "win32" | "linux", Record<string, string | number[]>> = {
  darwin: {
    "text/plain": SECRET,
    [raw("org.nspasteboard.ConcealedType")]: SECRET_HINT,
  },
  win32: {
    "text/plain": SECRET,
    [raw("ExcludeClipboardContentFromMonitorProcessing")]: DWORD_0,
    [raw("CanIncludeInClipboardHistory")]: DWORD_0,
    [raw("CanUploadToCloudClipboard")]: DWORD_0,
  },
  linux: {
    "text/plain": SECRET,
    [raw("x-kde-passwordManagerHint")]: SECRET_HINT,
  },
};

/** The items of each clipboard.write() call so far. */
const writes = () => vi.mocked(clipboard.write).mock.calls.map(([items]) => items as unknown as FakeClipboardItem[]);

describe("Electron clipboard adapter", () => {
  beforeEach(() => {
    clipboard.clear();
    vi.mocked(clipboard.write).mockClear();
    vi.mocked(clipboard.writeText).mockClear();
  });

  for (const platform of ["darwin", "win32", "linux"] as const) {
    it(`on ${platform}, writes the secret as text/plain and the concealment markers in one ClipboardItem, in one write`, async () => {
      await electronClipboardFor(platform).writeSecret(SECRET);
      expect(writes()).toHaveLength(1);
      const [items] = writes();
      expect(items).toHaveLength(1);
      expect(await payloadsOf(items![0]!)).toEqual(EXPECTED_ITEM[platform]);
      // Nothing else touched the clipboard: no text-only write the markers could miss.
      expect(clipboard.writeText).not.toHaveBeenCalled();
      expect(await clipboard.readText()).toBe(SECRET);
    });
  }

  it("writes the text alone where it knows no marker", async () => {
    await electronClipboardFor("freebsd").writeSecret(SECRET);
    const [items] = writes();
    expect(await payloadsOf(items![0]!)).toEqual({ "text/plain": SECRET });
  });

  it("clears the secret through the guard only while it is still ours", async () => {
    const guard = new ClipboardGuard(electronClipboard);
    await guard.copy(SECRET, 30);
    expect(await clipboard.readText()).toBe(SECRET);
    await guard.clearIfOurs();
    expect(await clipboard.readText()).toBe("");
    await guard.copy(SECRET, 30);
    await clipboard.writeText("something the user copied");
    await guard.clearIfOurs();
    expect(await clipboard.readText()).toBe("something the user copied");
  });

  it("keeps tracking the earlier copy when a write fails, and still clears it", async () => {
    const guard = new ClipboardGuard(electronClipboard);
    await guard.copy(SECRET, 30);
    vi.mocked(clipboard.write).mockRejectedValueOnce(new Error("clipboard busy"));
    await expect(guard.copy("uo_live_other", 30)).rejects.toThrow("clipboard busy");
    expect(await clipboard.readText()).toBe(SECRET);
    expect(await guard.status()).not.toBeNull();
    await guard.clearIfOurs();
    expect(await clipboard.readText()).toBe("");
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
  it("forks the bundled CLI as a utility process, never Electron-as-Node", () => {
    const child = Object.assign(new EventEmitter(), { stdout: null, stderr: null, pid: 4242, kill: vi.fn(() => true) });
    const fork = vi.fn(() => child);
    const launcher = electronCliLauncher("/app/out/main/keyward-cli.js", fork as never);
    const started = launcher.start(["server", "--port", "0"], { lifetime: "app" });
    expect(fork).toHaveBeenCalledWith("/app/out/main/keyward-cli.js", ["server", "--port", "0"], { stdio: "pipe", serviceName: "Keyward workspace server" });
    expect(JSON.stringify(fork.mock.calls)).not.toContain("ELECTRON_RUN_AS_NODE");
    started.stop();
    expect(child.kill).toHaveBeenCalledOnce();
    const exits: (number | null)[] = [];
    started.onExit((code) => exits.push(code));
    expect(started.exited).toBe(false);
    child.emit("exit", 0);
    expect(exits).toEqual([0]);
    expect(started.exited).toBe(true);
  });
});

describe("system dialogs", () => {
  it("answer the chosen path, or null when the user cancels", async () => {
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ["/home/ana/bundle.json"] });
    expect(await electronDialogs.chooseOpenFile({ title: "Open an audit bundle", filters: [{ name: "Audit bundle", extensions: ["json"] }] })).toBe("/home/ana/bundle.json");
    expect(vi.mocked(dialog.showOpenDialog).mock.calls.at(-1)![0]).toMatchObject({ title: "Open an audit bundle", properties: ["openFile"] });

    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ["/home/ana/src"] });
    expect(await electronDialogs.chooseFolder({ title: "Choose a folder to scan" })).toBe("/home/ana/src");
    expect(vi.mocked(dialog.showOpenDialog).mock.calls.at(-1)![0].properties).toContain("openDirectory");

    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await electronDialogs.chooseFolder({ title: "Choose a folder to scan" })).toBeNull();

    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: "" });
    expect(await electronDialogs.chooseSaveFile({ title: "Export keys", defaultName: "keys.csv", filters: [] })).toBeNull();
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: "/home/ana/keys.csv" });
    expect(await electronDialogs.chooseSaveFile({ title: "Export keys", defaultName: "keys.csv", filters: [] })).toBe("/home/ana/keys.csv");
  });
});
