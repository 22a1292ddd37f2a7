import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dueReminders } from "../../../../core/app/rotation-reminders";
import { dispatch } from "../../../../core/app/dispatch";
import type { ApiKey } from "../../../../shared/api/schemas";
import { createTestCore, type TestCore } from "../../../support/app-core";
import { startWorkspace, type TestWorkspace } from "../../../support/test-server";
import { makeApiKey } from "../../../support/api-key";

const DAY = 86_400_000;
const created = Date.parse("2026-01-01T00:00:00.000Z");
const key = (id: string, extra: Partial<ApiKey> = {}): ApiKey => makeApiKey(id, { createdAt: new Date(created).toISOString(), ...extra });

describe("rotation reminder thresholds", () => {
  const at = (days: number) => new Date(created + days * DAY);
  const shown = new Map<string, string[]>();
  const check = (days: number, keys = [key("k1")]) => {
    const due = dueReminders(keys, { rotationDays: 90, now: at(days), alreadyShown: (id) => shown.get(id) ?? [], skip: new Set() });
    for (const reminder of due) shown.set(reminder.keyId, [...(shown.get(reminder.keyId) ?? []), ...reminder.passed]);
    return due.map((reminder) => reminder.threshold);
  };

  it("fires 14, 7 and 1 days before the due date and when overdue, each once", () => {
    shown.clear();
    expect(check(75.9)).toEqual([]);
    expect(check(76)).toEqual(["14d"]);
    expect(check(80)).toEqual([]);
    expect(check(83)).toEqual(["7d"]);
    expect(check(83.5)).toEqual([]);
    expect(check(89)).toEqual(["1d"]);
    expect(check(90)).toEqual(["overdue"]);
    expect(check(120)).toEqual([]);
  });

  it("gives a key first seen late only its most urgent reminder", () => {
    shown.clear();
    expect(check(85)).toEqual(["7d"]);
    expect(shown.get("k1")).toEqual(["14d", "7d"]);
    expect(check(100)).toEqual(["overdue"]);
  });

  it("names the key, never a secret, and skips keys that are revoked, replaced or being rotated", () => {
    shown.clear();
    const [reminder] = dueReminders([key("k1")], { rotationDays: 90, now: at(91), alreadyShown: () => [], skip: new Set() });
    expect(reminder).toMatchObject({ title: "“Key k1” is overdue for rotation by 1 day", body: expect.stringContaining("uo_live_Ab12Cd…9xYz") });
    const skipped = dueReminders([key("r", { status: "revoked" }), key("s", { replacedById: "k9" }), key("t")], {
      rotationDays: 90,
      now: at(95),
      alreadyShown: () => [],
      skip: new Set(["t"]),
    });
    expect(skipped).toEqual([]);
  });
});

describe("rotation reminders in the app", () => {
  let ws: TestWorkspace;
  let t: TestCore;
  let offsetDays = 0;
  beforeEach(async () => {
    ws = await startWorkspace();
    offsetDays = 0;
    t = createTestCore({ attached: { name: "Test workspace", url: ws.url, adminToken: ws.adminToken }, now: () => new Date(Date.now() + offsetDays * DAY) });
    await t.core.start();
  });
  afterEach(async () => {
    await t.core.dispose();
    await ws.stop();
  });

  it("shows each reminder once as the clock moves, and a click opens that key's rotation", async () => {
    const { key: created } = await ws.createKey("write", "Zapier Integration");
    const list = async () => {
      const result = await dispatch(t.handlers, "keys.list", undefined);
      expect(result.ok).toBe(true);
    };
    await list();
    expect(t.notifier.shown).toEqual([]);
    offsetDays = 77;
    await list();
    await list();
    expect(t.notifier.shown.map((n) => n.title)).toEqual(["Rotate “Zapier Integration” within 14 days"]);
    offsetDays = 84;
    await list();
    offsetDays = 89.5;
    await list();
    offsetDays = 91;
    await list();
    await list();
    expect(t.notifier.shown.map((n) => n.title)).toEqual([
      "Rotate “Zapier Integration” within 14 days",
      "Rotate “Zapier Integration” within 7 days",
      "Rotate “Zapier Integration” within 1 day",
      "“Zapier Integration” is overdue for rotation by 1 day",
    ]);
    t.notifier.shown[3]!.click();
    expect(t.events.filter((e) => e.event === "reminder.clicked").map((e) => e.payload)).toEqual([{ keyId: created.id }]);
    // Reminders are remembered across restarts: not shown again.
    await t.core.dispose();
    t = createTestCore({ dataDir: t.dataDir, attached: { name: "Test workspace", url: ws.url, adminToken: ws.adminToken }, now: () => new Date(Date.now() + 95 * DAY) });
    await t.core.start();
    await dispatch(t.handlers, "keys.list", undefined);
    expect(t.notifier.shown).toEqual([]);
  });

  it("follows the rotation policy setting", async () => {
    await ws.createKey("read", "Reporting");
    await dispatch(t.handlers, "preferences.set", { rotationDays: 30 });
    offsetDays = 17;
    await dispatch(t.handlers, "keys.list", undefined);
    expect(t.notifier.shown.map((n) => n.title)).toEqual(["Rotate “Reporting” within 14 days"]);
  });
});
