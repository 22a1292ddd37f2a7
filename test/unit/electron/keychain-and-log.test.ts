import { afterEach, describe, expect, it, vi } from "vitest";
import { describeUnexpected, logUnexpected } from "../../../electron/main/error-log";
import { keychainAvailability } from "../../../electron/main/platform/keychain-policy";

describe("when safeStorage counts as a keychain", () => {
  it("refuses Linux's basic_text store with the reason users see", () => {
    expect(keychainAvailability({ platform: "linux", encryptionAvailable: true, linuxBackend: "basic_text" })).toEqual({
      ok: false,
      reason: "This system has no real keychain (Electron reports basic_text), so the vault key will not be stored outside the vault.",
    });
  });

  it("refuses an unknown Linux backend, and any OS where safeStorage cannot encrypt", () => {
    expect(keychainAvailability({ platform: "linux", encryptionAvailable: true, linuxBackend: "unknown" })).toMatchObject({ ok: false, reason: expect.stringContaining("Electron reports unknown") });
    expect(keychainAvailability({ platform: "linux", encryptionAvailable: true, linuxBackend: null })).toMatchObject({ ok: false });
    expect(keychainAvailability({ platform: "linux", encryptionAvailable: false, linuxBackend: "gnome_libsecret" })).toMatchObject({ ok: false, reason: expect.stringContaining("cannot encrypt") });
    expect(keychainAvailability({ platform: "darwin", encryptionAvailable: false, linuxBackend: null })).toMatchObject({ ok: false });
    expect(keychainAvailability({ platform: "win32", encryptionAvailable: false, linuxBackend: null })).toMatchObject({ ok: false });
  });

  it("accepts the Secret Service, KWallet, the macOS Keychain and DPAPI", () => {
    for (const backend of ["gnome_libsecret", "kwallet", "kwallet5", "kwallet6"]) {
      expect(keychainAvailability({ platform: "linux", encryptionAvailable: true, linuxBackend: backend })).toEqual({ ok: true });
    }
    expect(keychainAvailability({ platform: "darwin", encryptionAvailable: true, linuxBackend: null })).toEqual({ ok: true });
    expect(keychainAvailability({ platform: "win32", encryptionAvailable: true, linuxBackend: null })).toEqual({ ok: true });
  });
});

describe("logging unexpected errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes the error's name and stack frames, never its message", () => {
    const secret = "uo_live_1234567890abcdefSECRET";
    const error = new TypeError(`cannot parse ${secret}`);
    const described = describeUnexpected(error);
    expect(described).not.toContain(secret);
    expect(described.split("\n")[0]).toBe("TypeError");
    expect(described).toMatch(/\n\s+at /);
  });

  it("prefixes [Keyward:main] and says where", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    logUnexpected("IPC keys.create failed")(new Error("token=abc"));
    expect(spy).toHaveBeenCalledOnce();
    const [prefix, detail] = spy.mock.calls[0]!;
    expect(prefix).toBe("[Keyward:main] IPC keys.create failed:");
    expect(String(detail)).not.toContain("token=abc");
  });

  it("describes non-errors by type only", () => {
    expect(describeUnexpected("a secret string")).toBe("a thrown string");
    expect(describeUnexpected(null)).toBe("a thrown null");
    expect(describeUnexpected({ token: "x" })).toBe("a thrown object");
  });
});
