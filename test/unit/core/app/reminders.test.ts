import { describe, expect, it } from "vitest";
import { dueReminders } from "../../../../core/app/rotation/rotation-reminders";
import type { ApiKey } from "../../../../shared/api/schemas";
import { makeApiKey } from "../../../support/api-key";
import { coreTest } from "../../../support/core-fixture";

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

  it("fires 14, 7 and 1 calendar days before the due day and the day after it, each once", () => {
    shown.clear();
    expect(check(75.9)).toEqual([]);
    expect(check(76)).toEqual(["14d"]);
    expect(check(80)).toEqual([]);
    expect(check(83)).toEqual(["7d"]);
    expect(check(83.5)).toEqual([]);
    expect(check(89)).toEqual(["1d"]);
    expect(check(90)).toEqual([]); // due today: the 1-day reminder has said so
    expect(check(91)).toEqual(["overdue"]);
    expect(check(120)).toEqual([]);
  });

  it("gives a key first seen late only its most urgent reminder", () => {
    shown.clear();
    expect(check(85)).toEqual(["7d"]);
    expect(shown.get("k1")).toEqual(["14d", "7d"]);
    expect(check(100)).toEqual(["overdue"]);
  });

  it("counts a key first seen on its due day as due today", () => {
    shown.clear();
    const [reminder] = dueReminders([key("k1")], { rotationDays: 90, now: at(90), alreadyShown: () => [], skip: new Set() });
    expect(reminder).toMatchObject({ threshold: "1d", title: "Rotate “Key k1” today" });
  });

  it("names the key, never a secret, and skips keys that are revoked, replaced or being rotated", () => {
    shown.clear();
    const [reminder] = dueReminders([key("k1")], { rotationDays: 90, now: at(91), alreadyShown: () => [], skip: new Set() });
    expect(reminder).toMatchObject({ title: "“Key k1” is overdue for rotation by 1 day", body: expect.stringContaining("uo_live_Ab12Cd…9xYz") });
    const skipped = dueReminders([key("r", { status: "revoked" }), key("s", { replacedById: "k9" }), key("k9"), key("t")], {
      rotationDays: 90,
      now: at(95),
      alreadyShown: () => [],
      skip: new Set(["t", "k9"]),
    });
    expect(skipped).toEqual([]);
  });

  it("still reminds about a key whose successor was revoked (a cancelled rotation)", () => {
    const due = dueReminders([key("s", { replacedById: "k9" }), key("k9", { status: "revoked" })], { rotationDays: 90, now: at(95), alreadyShown: () => [], skip: new Set() });
    expect(due.map((reminder) => reminder.keyId)).toEqual(["s"]);
  });
});

describe("rotation reminders in the app", () => {
  coreTest("shows each reminder once as the clock moves, and a click opens that key's rotation", async ({ app, workspace, clock }) => {
    const { key: created } = await workspace.createKey("write", "Zapier Integration");
    await app.value("keys.list");
    expect(app.notifier.shown).toEqual([]);
    for (const days of [76, 76, 83, 89.5, 91, 91]) {
      clock.setDays(days);
      await app.value("keys.list");
    }
    expect(app.notifier.shown.map((n) => n.title)).toEqual([
      "Rotate “Zapier Integration” within 14 days",
      "Rotate “Zapier Integration” within 7 days",
      "Rotate “Zapier Integration” within 1 day",
      "“Zapier Integration” is overdue for rotation by 1 day",
    ]);
    app.notifier.shown[3]!.click();
    expect(app.events.filter((e) => e.event === "reminder.clicked").map((e) => e.payload)).toEqual([{ keyId: created.id }]);
    // Reminders are remembered across restarts: not shown again.
    clock.setDays(95);
    await app.restart();
    await app.value("keys.list");
    expect(app.notifier.shown).toEqual([]);
  });

  coreTest("follows the rotation policy setting", async ({ app, workspace, clock }) => {
    await workspace.createKey("read", "Reporting");
    await app.value("preferences.set", { rotationDays: 30 });
    clock.setDays(16);
    await app.value("keys.list");
    expect(app.notifier.shown.map((n) => n.title)).toEqual(["Rotate “Reporting” within 14 days"]);
  });
});
