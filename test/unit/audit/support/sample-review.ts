/** A review as the desktop keeps one: keys of every kind, findings from the engine, decisions, sign-off. */
import { computeFindings } from "../../../../core/findings";
import type { ApiKey } from "../../../../shared/api/schemas";
import { DEFAULT_FINDING_SETTINGS } from "../../../../shared/domain/findings";
import type { Review } from "../../../../shared/domain/review";
import { makeApiKey } from "../../../support/api-key";

export const NOW = "2026-06-15T12:00:00.000Z";
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

export function sampleReview(extraKeys = 0): Review {
  const keys: ApiKey[] = [
    makeApiKey("key_billing", { name: "billing sync", scope: "full", createdAt: daysAgo(200), lastUsedAt: daysAgo(1), lastReadAt: daysAgo(1), lastUsedIp: "10.0.0.5" }),
    makeApiKey("key_reports", { name: "nightly reports", scope: "read", createdAt: daysAgo(20), lastUsedAt: daysAgo(120), lastReadAt: daysAgo(120) }),
    makeApiKey("key_unused", { name: "unused webhook relay", scope: "write", createdAt: daysAgo(30) }),
    makeApiKey("key_long", {
      name: "a very long integration name that keeps going: customer-data-warehouse-export-to-the-analytics-cluster-in-eu-west-1",
      scope: "write",
      createdAt: daysAgo(10),
      lastUsedAt: daysAgo(2),
      lastWriteAt: daysAgo(2),
      lastReadAt: daysAgo(3),
    }),
    makeApiKey("key_unicode", { name: "Zürich café “ops” Łódź Платежи Ελλάδα 東京", scope: "read", createdAt: daysAgo(5), lastUsedAt: daysAgo(1), lastReadAt: daysAgo(1) }),
    makeApiKey("key_formula", { name: "=HYPERLINK(\"http://x\")", scope: "read", createdAt: daysAgo(3) }),
  ];
  for (let i = 0; i < extraKeys; i++) keys.push(makeApiKey(`key_extra_${i}`, { name: `integration ${String(i).padStart(3, "0")}`, scope: i % 3 === 0 ? "full" : "read", createdAt: daysAgo(i * 3) }));
  const findings = computeFindings({
    keys,
    usage: null,
    leaks: [{ keyId: "key_billing", display: keys[0]!.display, foundAt: daysAgo(1), locations: ["deploy/.env:3"], locationCount: 1 }],
    dismissals: [{ findingId: "never_used:key_unused", note: "Waiting for the partner's go-live in July", at: daysAgo(1), by: "ana" }],
    settings: DEFAULT_FINDING_SETTINGS,
    rotationDays: 90,
    now: new Date(NOW),
  });
  return {
    schemaVersion: 1,
    id: "rev_2026_q2",
    title: "Q2 2026 API key review",
    source: { kind: "bundle", workspaceId: "7d3f9a52-1b2c-4d5e-8f90-123456789abc", workspaceName: "Acme production", fileName: "keyward-audit-7d3f9a52-2026-06-15.json", bundleSha256: "ab".repeat(32), generatedAt: NOW },
    verification: { valid: true, summary: "Valid. The signature matches the workspace's signing key; all 1204 events chain from event 1 to the signed head.", signingKeyFingerprint: "cd".repeat(32), chainHead: { seq: 1204, hash: "ef".repeat(32) } },
    startedAt: NOW,
    keys,
    findings,
    decisions: {
      key_billing: { decision: "revoke", note: "Leaked in deploy/.env; replaced by billing sync v2.", decidedAt: NOW, carriedOut: { at: NOW, result: "revoked" } },
      key_reports: { decision: "keep", note: "Reports run quarterly; last run in February.", decidedAt: NOW, carriedOut: null },
      key_long: { decision: "rescope", note: "Only writes exports: read would not do, but full is not needed.", decidedAt: NOW, carriedOut: null },
    },
    signOff: { reviewer: "Ana Security", at: NOW },
  };
}
