import { describe, expect, it } from "vitest";
import { computeFindings, recentUsageFromEvents } from "../../../core/findings";
import { DEFAULT_FINDING_SETTINGS } from "../../../shared/domain/findings";
import { key } from "./helpers";

const denied = (keyId: string | undefined, reason: string, count: number, minute: string) => ({
  type: "auth.denied",
  ...(keyId ? { keyId } : {}),
  data: { reason, count, minute, clients: ["203.0.113.9"] },
});

describe("recent usage from a bundle's auth.denied events", () => {
  const now = new Date("2026-06-15T12:00:00.000Z");

  it("sums counts per key and reason within the window, keeping the last minute", () => {
    const usage = recentUsageFromEvents(
      [
        denied("k1", "revoked_key", 3, "2026-06-14T10:01:00.000Z"),
        denied("k1", "revoked_key", 4, "2026-06-15T09:30:00.000Z"),
        denied("k1", "insufficient_scope", 1, "2026-06-15T09:30:00.000Z"),
        denied("k1", "revoked_key", 50, "2026-06-08T23:59:00.000Z"), // before the 7-day window
        denied(undefined, "unknown_credential", 9, "2026-06-15T09:00:00.000Z"),
        { type: "key.revoked", keyId: "k1", data: { reason: "compromised" } },
      ],
      { now, days: 7 },
    );
    expect(usage.since).toBe("2026-06-09T00:00:00.000Z");
    expect(usage.clients).toEqual([]);
    expect(usage.refusals).toEqual([
      { keyId: "k1", reason: "revoked_key", count: 7, lastAt: "2026-06-15T09:30:00.000Z" },
      { keyId: "k1", reason: "insufficient_scope", count: 1, lastAt: "2026-06-15T09:30:00.000Z" },
    ]);
  });

  it("feeds the refused-requests finding offline", () => {
    const usage = recentUsageFromEvents([denied("k1", "expired_key", 2, "2026-06-15T08:00:00.000Z")], { now, days: 7 });
    const expired = key("k1", { status: "expired", expiresAt: "2026-06-01T00:00:00.000Z" });
    const findings = computeFindings({ keys: [expired], usage, leaks: [], dismissals: [], settings: DEFAULT_FINDING_SETTINGS, rotationDays: 90, now });
    expect(findings.map((f) => f.id)).toEqual(["refused_requests:k1"]);
    expect(findings[0]!.explanation).toMatch(/^2 requests refused as expired since 2026-06-09/);
  });
});
