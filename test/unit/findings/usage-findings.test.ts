import { describe, expect, it } from "vitest";
import type { RecentUsage } from "../../../shared/api/schemas";
import { DAY, NOW, daysAgo, idsOf, iso, key, only, run, usedKey } from "./helpers";

const TODAY_START = Date.parse("2026-06-15T00:00:00.000Z");

describe("broader than its use", () => {
  it("suggests read for a full key that only read in the last 30 days (the advisor)", () => {
    const finding = only(run([usedKey("k1", daysAgo(1), { scope: "full", createdAt: daysAgo(60) })]), "broader_than_use");
    expect(finding).toMatchObject({ suggestedScope: "read", severity: "medium", actions: ["rescope", "dismiss"] });
    expect(finding.explanation).toBe("A full access key, but in the last 30 days it only read: no write and no settings call: read-only would do.");
  });

  it("suggests write for a full key that wrote but made no settings call, and read for a write key that never wrote", () => {
    const wrote = usedKey("k1", daysAgo(1), { scope: "full", createdAt: daysAgo(60), lastWriteAt: daysAgo(2), lastSettingsAt: daysAgo(45) });
    expect(only(run([wrote]), "broader_than_use").suggestedScope).toBe("write");
    const reader = usedKey("k2", daysAgo(1), { scope: "write", createdAt: daysAgo(60), lastWriteAt: daysAgo(40) });
    const finding = only(run([reader]), "broader_than_use");
    expect(finding).toMatchObject({ suggestedScope: "read", severity: "low" });
    expect(finding.explanation).toContain("only read: no write");
  });

  it("is silent when the key used its scope within the window: its start is UTC midnight 29 days before today", () => {
    const windowStart = TODAY_START - 29 * DAY;
    const atStart = usedKey("k1", daysAgo(1), { scope: "full", createdAt: daysAgo(60), lastSettingsAt: iso(windowStart) });
    expect(idsOf(run([atStart]), "broader_than_use")).toEqual([]);
    const justBefore = { ...atStart, lastSettingsAt: iso(windowStart - 1) };
    expect(idsOf(run([justBefore]), "broader_than_use")).toEqual(["broader_than_use:k1"]);
    const writer = usedKey("k2", daysAgo(1), { scope: "write", createdAt: daysAgo(60), lastWriteAt: daysAgo(3) });
    expect(idsOf(run([writer]), "broader_than_use")).toEqual([]);
  });

  it("judges a key only from 7 days of age, only when used in the window, never a read key", () => {
    const young = (ageMs: number) => usedKey("k1", iso(NOW - 1000), { scope: "full", createdAt: iso(NOW - ageMs) });
    expect(idsOf(run([young(7 * DAY)]), "broader_than_use")).toEqual(["broader_than_use:k1"]);
    expect(only(run([young(7 * DAY)]), "broader_than_use").explanation).toContain(`since it was created ${daysAgo(7).slice(0, 10)}`);
    expect(idsOf(run([young(7 * DAY - 1)]), "broader_than_use")).toEqual([]);
    expect(idsOf(run([usedKey("k2", daysAgo(40), { scope: "full", createdAt: daysAgo(90) })]), "broader_than_use")).toEqual([]);
    expect(idsOf(run([usedKey("k3", daysAgo(1), { scope: "read", createdAt: daysAgo(90) })]), "broader_than_use")).toEqual([]);
  });

  it("stays silent on a server that does not report read, write and settings times", () => {
    const legacy = key("k1", { scope: "full", createdAt: daysAgo(60), lastUsedAt: daysAgo(1) });
    expect(idsOf(run([legacy]), "broader_than_use")).toEqual([]);
  });
});

describe("dormant key awakened", () => {
  it("flags a key used today after 30 days or more without use", () => {
    const finding = only(run([usedKey("k1", iso(NOW - 3_600_000), { createdAt: daysAgo(200), previousUseAt: daysAgo(45) })]), "dormant_awakened");
    expect(finding).toMatchObject({ severity: "high", actions: ["revoke", "rotate", "dismiss"], evidence: { idleDays: 44 } });
    expect(finding.explanation).toBe(`Used today (2026-06-15 11:00 UTC from 10.0.0.5) after 44 days without use (previous use ${daysAgo(45).slice(0, 10)}).`);
  });

  it("counts from the creation when the key was never used before", () => {
    const finding = only(run([usedKey("k1", iso(NOW - 60_000), { createdAt: daysAgo(40), previousUseAt: null })]), "dormant_awakened");
    expect(finding.explanation).toContain(`never used before; created ${daysAgo(40).slice(0, 10)}`);
  });

  it("needs 30 whole days between the previous use and the start of today", () => {
    const at = (previous: number) => run([usedKey("k1", iso(NOW - 60_000), { createdAt: daysAgo(300), previousUseAt: iso(previous) })]);
    expect(idsOf(at(TODAY_START - 30 * DAY), "dormant_awakened")).toEqual(["dormant_awakened:k1"]);
    expect(idsOf(at(TODAY_START - 30 * DAY + 1), "dormant_awakened")).toEqual([]);
  });

  it("is silent for a key last used yesterday, or used steadily", () => {
    expect(idsOf(run([usedKey("k1", iso(TODAY_START - 1), { createdAt: daysAgo(300), previousUseAt: daysAgo(100) })]), "dormant_awakened")).toEqual([]);
    expect(idsOf(run([usedKey("k2", iso(NOW - 60_000), { createdAt: daysAgo(300), previousUseAt: daysAgo(1) })]), "dormant_awakened")).toEqual([]);
  });
});

const refusal = (keyId: string, reason: string, count: number, lastAt: string) => ({ keyId, reason, count, lastAt });
const usageWith = (extra: Partial<RecentUsage>): RecentUsage => ({ since: iso(TODAY_START - 6 * DAY), refusals: [], clients: [], ...extra });

describe("refused requests", () => {
  const revoked = key("k1", { status: "revoked", revokedAt: daysAgo(20), revokedReason: "rotated" });

  it("flags requests with a revoked or expired key in the last 7 days, with counts and the last time", () => {
    const usage = usageWith({ refusals: [refusal("k1", "revoked_key", 12, daysAgo(1)), refusal("k1", "insufficient_scope", 5, daysAgo(1))] });
    const finding = only(run([revoked], { usage }), "refused_requests");
    expect(finding).toMatchObject({ severity: "medium", actions: ["dismiss"], evidence: { revokedKeyRequests: 12, expiredKeyRequests: 0 } });
    expect(finding.explanation).toBe(`12 requests refused as revoked since 2026-06-09 (last ${daysAgo(1).slice(0, 16).replace("T", " ")} UTC): an integration still uses it, or someone is trying it.`);
  });

  it("is high for a key revoked as compromised, and adds expired-key refusals", () => {
    const compromised = { ...revoked, revokedReason: "compromised" as const };
    const usage = usageWith({ refusals: [refusal("k1", "revoked_key", 1, daysAgo(1)), refusal("k1", "expired_key", 2, daysAgo(2))] });
    const finding = only(run([compromised], { usage }), "refused_requests");
    expect(finding.severity).toBe("high");
    expect(finding.explanation).toMatch(/^1 request refused as revoked and 2 requests refused as expired/);
  });

  it("counts a refusal from UTC midnight 6 days before today, not one a millisecond earlier", () => {
    const start = TODAY_START - 6 * DAY;
    expect(idsOf(run([revoked], { usage: usageWith({ refusals: [refusal("k1", "revoked_key", 1, iso(start))] }) }), "refused_requests")).toEqual(["refused_requests:k1"]);
    expect(idsOf(run([revoked], { usage: usageWith({ refusals: [refusal("k1", "revoked_key", 1, iso(start - 1))] }) }), "refused_requests")).toEqual([]);
  });

  it("ignores other refusal reasons, and says nothing when usage is unknown (offline)", () => {
    expect(idsOf(run([revoked], { usage: usageWith({ refusals: [refusal("k1", "insufficient_scope", 9, daysAgo(1))] }) }), "refused_requests")).toEqual([]);
    expect(idsOf(run([revoked], { usage: null }), "refused_requests")).toEqual([]);
  });
});

describe("shared key", () => {
  const client = (keyId: string, n: number, lastSeenAt = daysAgo(1)) => ({ keyId, ip: `10.0.0.${n}`, userAgent: "app/1", firstSeenAt: daysAgo(30), lastSeenAt, requests: 10 });

  it("flags more than 3 distinct clients (IP and user agent) in 7 days", () => {
    const clients = [client("k1", 1), client("k1", 2), client("k1", 3), { ...client("k1", 3), userAgent: "cron/2" }];
    const finding = only(run([usedKey("k1", daysAgo(1))], { usage: usageWith({ clients }) }), "shared_key");
    expect(finding).toMatchObject({ severity: "medium", actions: ["rotate", "dismiss"], evidence: { clientCount: 4, addressCount: 3 } });
    expect(finding.explanation).toBe("Used by 4 clients (3 addresses) in the last 7 days; more than 3 suggests several integrations share it: give each its own key.");
  });

  it("does not flag exactly 3 clients, nor count a client last seen before the window", () => {
    const three = [client("k1", 1), client("k1", 2), client("k1", 3)];
    expect(idsOf(run([usedKey("k1", daysAgo(1))], { usage: usageWith({ clients: three }) }), "shared_key")).toEqual([]);
    const old = client("k1", 4, iso(TODAY_START - 6 * DAY - 1));
    expect(idsOf(run([usedKey("k1", daysAgo(1))], { usage: usageWith({ clients: [...three, old] }) }), "shared_key")).toEqual([]);
    const atStart = client("k1", 4, iso(TODAY_START - 6 * DAY));
    expect(idsOf(run([usedKey("k1", daysAgo(1))], { usage: usageWith({ clients: [...three, atStart] }) }), "shared_key")).toEqual(["shared_key:k1"]);
  });

  it("follows the client-count setting and is silent for revoked keys", () => {
    const two = [client("k1", 1), client("k1", 2), client("k1", 3)];
    expect(idsOf(run([usedKey("k1", daysAgo(1))], { usage: usageWith({ clients: two }), settings: { sharedClientCount: 2 } }), "shared_key")).toEqual(["shared_key:k1"]);
    const revoked = usedKey("k1", daysAgo(1), { status: "revoked", revokedAt: daysAgo(0.5) });
    expect(idsOf(run([revoked], { usage: usageWith({ clients: [...two, client("k1", 9)] }) }), "shared_key")).toEqual([]);
  });
});
