import { describe, expect, it } from "vitest";
import { buildBridge, unwrap } from "../../../shared/ipc/bridge";
import { CHANNEL_NAMES, CONTRACT, EVENT_NAMES, channelSchemas, ipcChannel } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";

describe("IPC contract", () => {
  it("lists every channel of every domain once, as domain.method", () => {
    const expected = Object.entries(CONTRACT).flatMap(([domain, channels]) => Object.keys(channels).map((method) => `${domain}.${method}`));
    expect(CHANNEL_NAMES).toEqual(expected);
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    for (const name of CHANNEL_NAMES) {
      expect(channelSchemas(name), name).toBeDefined();
      expect(ipcChannel(name)).toBe(`keyward:${name}`);
    }
    expect(EVENT_NAMES).toEqual(["vault.changed", "clipboard.changed", "workspace.changed", "rotation.changed", "reminder.clicked", "secrets.dropped", "audit.progress", "scan.progress", "scan.finished"]);
  });

  it("knows no channel outside the contract, prototype names included", () => {
    for (const name of ["keys.delete", "vault", "constructor.name", "keys.__proto__", "__proto__.x", "toString", "keys.toString"]) {
      expect(channelSchemas(name), name).toBeUndefined();
    }
  });

  it("builds window.keyward grouped by domain from the channel list, one call per channel", async () => {
    const calls: [string, unknown][] = [];
    const bridge = buildBridge(
      async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: channel };
      },
      () => () => {},
    );
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(CONTRACT), "on"].sort());
    expect(await bridge.keys.create({ name: "x", scope: "read" })).toEqual({ ok: true, value: "keys.create" });
    expect(await bridge.vault.unlock({ passphrase: "p" })).toEqual({ ok: true, value: "vault.unlock" });
    expect(calls).toEqual([
      ["keys.create", { name: "x", scope: "read" }],
      ["vault.unlock", { passphrase: "p" }],
    ]);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.keys)).toBe(true);
  });

  it("unwraps results into values or typed errors", () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    try {
      unwrap({ ok: false, error: { code: "vault_locked", message: "The vault is locked." } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IpcError);
      expect(error).toMatchObject({ code: "vault_locked", message: "The vault is locked." });
    }
  });
});
