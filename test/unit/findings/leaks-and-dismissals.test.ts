import { describe, expect, it } from "vitest";
import { Finding, FINDING_KINDS } from "../../../shared/domain/findings";
import { daysAgo, idsOf, key, only, run, usedKey } from "./helpers";

const leak = (keyId: string, locations: string[], foundAt = daysAgo(2)) => ({ keyId, display: "uo_live_Ab12Cd…9xYz", foundAt, locations, locationCount: locations.length });

describe("leaked in source", () => {
  it("is critical for an active key, revoke first, with where it was found", () => {
    const findings = run([usedKey("k1", daysAgo(1))], { leaks: [leak("k1", ["src/config.ts:12", "a1b2c3d:deploy/.env:3"])] });
    const finding = only(findings, "leaked_in_source");
    expect(finding).toMatchObject({ severity: "critical", actions: ["revoke", "rotate", "dismiss"], evidence: { locationCount: 2 } });
    expect(finding.explanation).toContain("Found in source in 2 places (src/config.ts:12, a1b2c3d:deploy/.env:3)");
    expect(findings[0]!.id).toBe("leaked_in_source:k1");
  });

  it("merges the records of one key and is low for a revoked key", () => {
    const revoked = key("k1", { status: "revoked", revokedAt: daysAgo(1), revokedReason: "compromised" });
    const finding = only(run([revoked], { leaks: [leak("k1", ["a.ts:1"], daysAgo(5)), leak("k1", ["b.ts:2", "a.ts:1"], daysAgo(1))] }), "leaked_in_source");
    expect(finding).toMatchObject({ severity: "low", actions: ["dismiss"], evidence: { locationCount: 3, firstFoundAt: daysAgo(5) } });
  });

  it("is silent for keys with no leak record", () => {
    expect(idsOf(run([usedKey("k1", daysAgo(1))], { leaks: [leak("other", ["x.ts:1"])] }), "leaked_in_source")).toEqual([]);
  });
});

describe("the engine", () => {
  it("attaches the dismissal whose id matches, and keeps the finding", () => {
    const dismissal = { findingId: "never_used:k1", note: "Kept for the quarterly export job", at: daysAgo(1), by: "ana" };
    const findings = run([key("k1", { createdAt: daysAgo(30) }), key("k2", { createdAt: daysAgo(30) })], { dismissals: [dismissal] });
    expect(findings.find((f) => f.id === "never_used:k1")!.dismissal).toEqual(dismissal);
    expect(findings.find((f) => f.id === "never_used:k2")!.dismissal).toBeNull();
  });

  it("orders by severity, then kind, then key name; every finding matches the shared schema", () => {
    const keys = [
      key("a", { name: "zeta", createdAt: daysAgo(30) }),
      key("b", { name: "alpha", createdAt: daysAgo(30) }),
      usedKey("c", daysAgo(100), { name: "mid", createdAt: daysAgo(200) }),
      usedKey("d", daysAgo(1), { name: "leaky" }),
    ];
    const findings = run(keys, { leaks: [leak("d", ["x.ts:1"])] });
    expect(findings.map((f) => f.id)).toEqual(["leaked_in_source:d", "rotation_overdue:c", "orphaned:c", "never_used:b", "never_used:a"]);
    for (const finding of findings) {
      expect(Finding.parse(finding)).toEqual(finding);
      expect(finding.actions.at(-1)).toBe("dismiss");
      expect(FINDING_KINDS).toContain(finding.kind);
    }
  });
});
