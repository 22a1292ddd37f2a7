/** The keys table's filters, as pure functions (the table compares the values they return per row). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdBeforeFor, expiryRange, matchesSearch, searchText, statusVisible, NO_FILTERS } from "../../../renderer/src/features/keys/table/filters";
import { toKeyRows } from "../../../renderer/src/features/keys/table/table-rows";
import { daysUntilRotationDue } from "../../../shared/domain/rotation-policy";
import { makeApiKey } from "../../support/api-key";

let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = "America/New_York";
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe("search", () => {
  const key = makeApiKey("key_01HZX", { name: "Zapier Integration", description: "Creates feedback from tickets", display: "uo_live_Ab12Cd…9xYz" });
  const text = searchText(key);
  it.each(["zapier", "feedback from", "key_01hzx", "uo_live_ab12", "ab12cd", "9xyz"])("finds %s (name, description, id, prefix, last four)", (query) => {
    expect(matchesSearch(text, query)).toBe(true);
  });
  it("does not find what is not there", () => {
    expect(matchesSearch(text, "stripe")).toBe(false);
  });
  it("looks in ids and display forms from three characters on: one or two random characters match by chance", () => {
    expect(["h", "hz", "xy"].map((query) => matchesSearch(text, query))).toEqual([false, false, false]);
    expect(["01h", "9xy", "uo_"].map((query) => matchesSearch(text, query))).toEqual([true, true, true]);
    // Words people wrote are found from the first character.
    expect(["z", "cr"].map((query) => matchesSearch(text, query))).toEqual([true, true]);
  });
});

describe("the show-revoked toggle", () => {
  it("hides revoked and expired keys by default, shows them when asked, and a status filter wins", () => {
    expect(["active", "revoked", "expired"].map((status) => statusVisible(status as never, NO_FILTERS))).toEqual([true, false, false]);
    expect(["active", "revoked", "expired"].map((status) => statusVisible(status as never, { ...NO_FILTERS, showRevoked: true }))).toEqual([true, true, true]);
    expect(statusVisible("revoked", { status: "revoked", showRevoked: false })).toBe(true);
    expect(statusVisible("active", { status: "revoked", showRevoked: true })).toBe(false);
  });
});

describe("the rotation filter", () => {
  // Clocks go forward on 2026-03-08 in New York: the filter must agree with the due days the cells show.
  const today = new Date("2026-03-06T00:00:00").getTime();
  const rotationDays = 90;
  const createdOn = (text: string) => new Date(text).getTime();

  it("overdue matches exactly the keys whose due day is before today", () => {
    const before = createdBeforeFor("overdue", rotationDays, today)!;
    for (const created of [createdOn("2025-12-05T23:59:00"), createdOn("2025-12-06T00:00:00"), createdOn("2025-12-06T12:00:00"), createdOn("2025-12-07T00:00:00")]) {
      expect(created < before, new Date(created).toString()).toBe(daysUntilRotationDue(created, rotationDays, today) < 0);
    }
  });

  it("due within 14 days matches the keys due on the 14th day from today or earlier, across the DST change", () => {
    const before = createdBeforeFor("soon", rotationDays, today)!;
    for (const created of [createdOn("2025-12-20T00:00:00"), createdOn("2025-12-20T23:30:00"), createdOn("2025-12-21T00:00:00"), createdOn("2025-12-21T01:00:00")]) {
      expect(created < before, new Date(created).toString()).toBe(daysUntilRotationDue(created, rotationDays, today) <= 14);
    }
  });

  it("is off for 'any'", () => {
    expect(createdBeforeFor("any", rotationDays, today)).toBeNull();
  });
});

describe("the expiry filter and the rows", () => {
  it("'expiring in 14 days' spans now to the end of the 14th day; 'no expiry' is its own choice", () => {
    const now = new Date("2026-03-06T09:00:00").getTime();
    const range = expiryRange("soon", now);
    expect(range).toEqual({ from: now, to: new Date("2026-03-21T00:00:00").getTime() });
    expect(expiryRange("none", now)).toBe("none");
    expect(expiryRange("any", now)).toBeNull();
  });

  it("marks a key with a revoked successor as still rotatable", () => {
    const rows = toKeyRows([makeApiKey("old", { replacedById: "new" }), makeApiKey("new", { status: "revoked", replacesId: "old" })]);
    expect(rows.map((row) => [row.key.id, row.rotatable])).toEqual([
      ["old", true],
      ["new", false],
    ]);
  });
});
