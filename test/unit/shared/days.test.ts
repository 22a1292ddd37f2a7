/**
 * Day arithmetic and the rotation policy across daylight-saving changes: a key due "in 3 days" is
 * due on the third calendar day, whether a 23-hour or a 25-hour day lies between. Runs in a time
 * zone with DST (Europe/Berlin: clocks go forward on 2026-03-29 and back on 2026-10-25).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, elapsedDays, localDaysBetween, startOfLocalDay } from "../../../shared/domain/days";
import { daysUntilRotationDue, dueTone, isRotatable, rotatableKeyIds, rotationDueAt } from "../../../shared/domain/rotation-policy";
import { makeApiKey } from "../../support/api-key";

let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = "Europe/Berlin";
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const local = (text: string) => new Date(text).getTime(); // "2026-03-28T10:00:00" is read as local time

describe("calendar days", () => {
  it("runs in a time zone with daylight saving", () => {
    expect(new Date(local("2026-01-15T12:00:00")).getTimezoneOffset()).toBe(-60);
    expect(new Date(local("2026-07-15T12:00:00")).getTimezoneOffset()).toBe(-120);
  });

  it("adds calendar days, keeping the wall-clock time across the spring change (a 23-hour day)", () => {
    const saturday = local("2026-03-28T10:00:00");
    const monday = addLocalDays(saturday, 2);
    expect(new Date(monday).getHours()).toBe(10);
    expect(monday - saturday).toBe(47 * 3_600_000);
    expect(localDaysBetween(saturday, monday)).toBe(2);
  });

  it("counts the autumn change's 25-hour day as one day", () => {
    const saturday = local("2026-10-24T23:30:00");
    const sunday = local("2026-10-25T23:30:00");
    expect(sunday - saturday).toBe(25 * 3_600_000);
    expect(localDaysBetween(saturday, sunday)).toBe(1);
    expect(startOfLocalDay(sunday)).toBe(local("2026-10-25T00:00:00"));
  });

  it("measures ages in whole 24-hour periods, never negative", () => {
    expect(elapsedDays(local("2026-03-28T10:00:00"), local("2026-03-30T09:00:00"))).toBe(1);
    expect(elapsedDays(local("2026-03-30T09:00:00"), local("2026-03-28T10:00:00"))).toBe(0);
  });
});

describe("the rotation policy", () => {
  it("is due on the calendar day rotationDays after creation, across the spring change", () => {
    const created = local("2026-03-27T23:30:00");
    expect(new Date(rotationDueAt(created, 3)).getDate()).toBe(30);
    expect(daysUntilRotationDue(created, 3, local("2026-03-29T01:00:00"))).toBe(1);
    expect(daysUntilRotationDue(created, 3, local("2026-03-30T00:05:00"))).toBe(0);
    expect(daysUntilRotationDue(created, 3, local("2026-03-31T00:05:00"))).toBe(-1);
    expect([1, 0, -1, 20].map(dueTone)).toEqual(["soon", "today", "overdue", "later"]);
  });

  it("applies to an active key with no active successor: a cancelled rotation leaves the key due", () => {
    const old = makeApiKey("old", { replacedById: "new" });
    expect(isRotatable(old, () => true)).toBe(false);
    expect(isRotatable(old, () => false)).toBe(true);
    const keys = [old, makeApiKey("new", { status: "revoked" }), makeApiKey("gone", { status: "expired" })];
    expect([...rotatableKeyIds(keys)]).toEqual(["old"]);
  });
});
