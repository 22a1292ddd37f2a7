/**
 * A workspace as an admin finds it after a few months: keys of every scope, some used by their
 * integrations (real requests, with their own user agents), one refused for its scope, revoked
 * ones with a reason and a note, one expired, one rotated, some with an expiry. Made through the
 * app core and the workspace's own API, never by writing the database.
 */
import type { Harness } from "../../harness/harness-server";
import { seedKey, workspaceUrl } from "../fixtures";

const call = (url: string, path: string, secret: string, init: RequestInit & { userAgent?: string } = {}) =>
  fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, "user-agent": init.userAgent ?? "integration/1.0", "content-type": "application/json" } });

export interface SeededWorkspace {
  active: { name: string; id: string; secret: string }[];
  revoked: { name: string; id: string; reason: string; note: string };
  refused: { name: string; id: string };
  expiring: { name: string; id: string; expiresAt: string };
}

export async function seedWorkspace(harness: Harness, count = 16): Promise<SeededWorkspace> {
  const names = ["Zapier Integration", "CI/CD Pipeline", "Internal Dashboard", "Support Bot", "Billing Sync", "Nightly Export", "Webhook Handler", "Mobile App Backend", "Data Warehouse Loader", "Slack Notifier", "Status Page", "Reporting Dashboard", "Partner API Bridge", "Marketing Site", "QA Automation", "Feedback Widget", "Release Notes Publisher", "Churn Analysis", "Onboarding Emails", "Search Indexer", "Audit Exporter", "Backup Verifier", "Translation Sync", "Uptime Monitor"];
  const scopes = ["read", "write", "full"] as const;
  const active: SeededWorkspace["active"] = [];
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length]!;
    const { key, secret } = await seedKey(harness, name, { scope: scopes[i % 3]!, description: i % 2 === 0 ? `${name} reads its key from KEYWARD_API_KEY` : "" });
    active.push({ name, id: key.id, secret });
  }
  const url = workspaceUrl(harness);
  // Integrations using their keys, each with its own client name.
  for (const [index, key] of active.slice(0, 8).entries()) {
    await call(url, "/v1/feedback", key.secret, { userAgent: `${key.name.toLowerCase().replace(/\W+/g, "-")}/2.${index}` });
  }
  // A read-only key that tried to write: refused for its scope.
  const refused = active.find((key, index) => scopes[index % 3] === "read")!;
  await call(url, "/v1/feedback", refused.secret, { method: "POST", body: JSON.stringify({ title: "x" }) });
  // One revoked with a reason and a note, one expired, one expiring soon.
  const revokedKey = active.pop()!;
  const note = "Found in a public gist; rotated the integration the same day.";
  await harness.core.keys.revoke(revokedKey.id, "compromised", note);
  const expiredKey = active.pop()!;
  await harness.core.workspaces.client().client.scheduleExpiry(expiredKey.id, 0);
  const expiring = active[Math.min(2, active.length - 1)]!;
  const expiresAt = (await harness.core.workspaces.client().client.scheduleExpiry(expiring.id, 3 * 86_400)).expiresAt!;
  return { active, revoked: { name: revokedKey.name, id: revokedKey.id, reason: "compromised", note }, refused: { name: refused.name, id: refused.id }, expiring: { name: expiring.name, id: expiring.id, expiresAt } };
}
