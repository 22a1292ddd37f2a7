import { describe, expect, it } from "vitest";
import { Finding } from "../../../shared/domain/findings";
import { DAY, NOW, daysAgo, idsOf, iso, key, only, run, usedKey } from "./helpers";

describe("orphaned", () => {
  it("flags an active key last used 90 days ago or more, with the date and days in the explanation", () => {
    const findings = run([usedKey("k1", daysAgo(124))]);
    const finding = only(findings, "orphaned");
    expect(finding).toMatchObject({ id: "orphaned:k1", severity: "medium", actions: ["revoke", "dismiss"], dismissal: null });
    expect(finding.explanation).toBe(`Not used for 124 days (last used ${daysAgo(124).slice(0, 10)} from 10.0.0.5); the threshold is 90 days.`);
    expect(finding.evidence).toMatchObject({ idleDays: 124, thresholdDays: 90 });
    expect(() => Finding.parse(finding)).not.toThrow();
  });

  it("starts at exactly the threshold and not a millisecond before", () => {
    expect(idsOf(run([usedKey("k1", iso(NOW - 90 * DAY))]), "orphaned")).toEqual(["orphaned:k1"]);
    expect(idsOf(run([usedKey("k1", iso(NOW - 90 * DAY + 1))]), "orphaned")).toEqual([]);
    expect(idsOf(run([usedKey("k1", daysAgo(30))], { settings: { orphanedDays: 30 } }), "orphaned")).toEqual(["orphaned:k1"]);
  });

  it("leaves out revoked keys and keys never used (those are never used instead)", () => {
    expect(idsOf(run([usedKey("k1", daysAgo(200), { status: "revoked", revokedAt: daysAgo(100), revokedReason: "unused" })]), "orphaned")).toEqual([]);
    const neverUsed = run([key("k2", { createdAt: daysAgo(200) })]);
    expect(idsOf(neverUsed, "orphaned")).toEqual([]);
    expect(idsOf(neverUsed, "never_used")).toEqual(["never_used:k2"]);
  });
});

describe("never used", () => {
  it("flags an active key created 7 days ago or more with no request", () => {
    const finding = only(run([key("k1", { createdAt: daysAgo(12), createdBy: "desktop" })]), "never_used");
    expect(finding.severity).toBe("low");
    expect(finding.explanation).toBe(`Never used since it was created 12 days ago (${daysAgo(12).slice(0, 10)} by desktop).`);
    expect(finding.actions).toEqual(["revoke", "dismiss"]);
  });

  it("starts at exactly 7 days", () => {
    expect(idsOf(run([key("k1", { createdAt: iso(NOW - 7 * DAY) })]), "never_used")).toEqual(["never_used:k1"]);
    expect(idsOf(run([key("k1", { createdAt: iso(NOW - 7 * DAY + 1) })]), "never_used")).toEqual([]);
  });

  it("is silent for a key that was used, or that is expired", () => {
    expect(idsOf(run([usedKey("k1", daysAgo(1), { createdAt: daysAgo(30) })]), "never_used")).toEqual([]);
    expect(idsOf(run([key("k2", { createdAt: daysAgo(30), status: "expired", expiresAt: daysAgo(1) })]), "never_used")).toEqual([]);
  });
});

describe("rotation overdue", () => {
  // Noon UTC keeps the calendar dates the same in every time zone within ±11 h.
  const created = "2026-01-01T12:00:00.000Z";

  it("is due on the policy's day and overdue from the next calendar day", () => {
    const onDueDay = Date.parse("2026-04-01T12:00:00.000Z");
    expect(idsOf(run([usedKey("k1", iso(onDueDay), { createdAt: created })], { now: onDueDay }), "rotation_overdue")).toEqual([]);
    const nextDay = onDueDay + DAY;
    const finding = only(run([usedKey("k1", iso(nextDay), { createdAt: created })], { now: nextDay }), "rotation_overdue");
    expect(finding.explanation).toBe("Created 2026-01-01; the rotation policy is 90 days, so it was due 2026-04-01 and is 1 day overdue.");
    expect(finding).toMatchObject({ severity: "medium", actions: ["rotate", "dismiss"], evidence: { overdueDays: 1, rotationDays: 90 } });
  });

  it("follows the policy setting, and is high once a whole second period has passed", () => {
    const now = Date.parse("2026-03-15T12:00:00.000Z");
    expect(idsOf(run([key("k1", { createdAt: created })], { now, rotationDays: 90 }), "rotation_overdue")).toEqual([]);
    expect(only(run([key("k1", { createdAt: created })], { now, rotationDays: 30 }), "rotation_overdue").severity).toBe("high");
  });

  it("exempts a key an active successor replaces, but not one whose successor was revoked", () => {
    const now = Date.parse("2026-06-01T12:00:00.000Z");
    const old = key("old", { createdAt: created, replacedById: "new" });
    const successor = key("new", { createdAt: "2026-05-30T12:00:00.000Z", replacesId: "old" });
    expect(idsOf(run([old, successor], { now }), "rotation_overdue")).toEqual([]);
    const revokedSuccessor = { ...successor, status: "revoked" as const, revokedAt: "2026-05-31T12:00:00.000Z" };
    expect(idsOf(run([old, revokedSuccessor], { now }), "rotation_overdue")).toEqual(["rotation_overdue:old"]);
  });
});

describe("expiring soon", () => {
  it("flags an active key expiring within 14 days, with the time left", () => {
    const finding = only(run([usedKey("k1", daysAgo(1), { expiresAt: iso(NOW + 3 * DAY + 3_600_000) })]), "expiring_soon");
    expect(finding.explanation).toBe(`Expires ${iso(NOW + 3 * DAY + 3_600_000).slice(0, 16).replace("T", " ")} UTC (in 3 days): rotate it before the integration loses access.`);
    expect(finding).toMatchObject({ severity: "low", actions: ["rotate", "dismiss"], evidence: { daysLeft: 3 } });
    expect(only(run([key("k2", { expiresAt: iso(NOW + 3_600_000) })]), "expiring_soon").severity).toBe("medium");
  });

  it("includes exactly 14 days and not a millisecond more", () => {
    expect(idsOf(run([key("k1", { expiresAt: iso(NOW + 14 * DAY) })]), "expiring_soon")).toEqual(["expiring_soon:k1"]);
    expect(idsOf(run([key("k1", { expiresAt: iso(NOW + 14 * DAY + 1) })]), "expiring_soon")).toEqual([]);
  });

  it("is silent for a key in a rotation's grace period (its active successor takes over) and for no expiry", () => {
    const old = key("old", { expiresAt: iso(NOW + DAY), replacedById: "new" });
    expect(idsOf(run([old, key("new", { replacesId: "old" })]), "expiring_soon")).toEqual([]);
    expect(idsOf(run([key("k1")]), "expiring_soon")).toEqual([]);
  });
});
