/**
 * Every finding on usage made by real requests with real keys to a real server on loopback, with
 * the server's clock set by the test (never waited for). The inventory and recent usage are read
 * the way the desktop reads them: GET /v1/api-keys and GET /v1/usage/recent with the workspace client.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFindings, recentUsageDays } from "../../../core/findings";
import { leakRecords, scanPath } from "../../../core/scan";
import { WorkspaceClient } from "../../../core/workspace/workspace-client";
import type { ApiKey, CreatedKey } from "../../../shared/api/schemas";
import { DEFAULT_FINDING_SETTINGS, type Finding, type FindingKind } from "../../../shared/domain/findings";
import { startWorkspace, tempDir, type TestWorkspace } from "../../support/test-server";

let clock = Date.parse("2026-03-01T12:00:00.000Z");
const setClock = (iso: string) => {
  clock = Date.parse(iso);
};

let ws: TestWorkspace;
let client: WorkspaceClient;
const keys: Record<string, CreatedKey> = {};

async function create(name: string, scope: "read" | "write" | "full", extra: Record<string, unknown> = {}) {
  keys[name] = await ws.createKey(scope, name, extra);
}
async function use(name: string, method: "GET" | "POST", route: string, userAgent = "integration/1.0"): Promise<number> {
  const body = method === "POST" ? { title: "from a test" } : undefined;
  const answer = await ws.call(method, route, { token: keys[name]!.secret, body, headers: { "user-agent": userAgent } });
  return answer.status;
}

/** What the desktop computes at the server's current time. */
async function findingsNow(): Promise<Finding[]> {
  const inventory: ApiKey[] = await client.listAllKeys();
  const usage = await client.recentUsage(recentUsageDays(DEFAULT_FINDING_SETTINGS));
  return computeFindings({
    keys: inventory,
    usage,
    leaks: [],
    dismissals: [],
    settings: DEFAULT_FINDING_SETTINGS,
    rotationDays: 90,
    now: new Date(clock),
  });
}
async function findingsAt(iso: string, kind: FindingKind): Promise<string[]> {
  setClock(iso);
  return (await findingsNow()).filter((f) => f.kind === kind).map((f) => keyName(f.keyId));
}
const keyName = (id: string) => Object.entries(keys).find(([, created]) => created.key.id === id)?.[0] ?? id;

beforeAll(async () => {
  ws = await startWorkspace({ now: () => new Date(clock) });
  client = new WorkspaceClient(ws.url, ws.adminToken);

  setClock("2026-03-01T12:00:00.000Z");
  await create("orphan", "read");
  await create("never", "read");
  await create("dormant-31", "read");
  await create("dormant-30", "read");
  await create("full-reader", "full");
  await create("full-writer", "full");
  await create("full-admin", "full");
  await create("write-reader", "write");
  await create("write-writer", "write");
  await create("retired", "read");
  await create("underscoped", "read");
  await create("shared", "read");
  await create("single", "read");
  await create("expiring", "read", { expiresAt: "2026-03-15T12:00:00.000Z" });
  await create("expiring-later", "read", { expiresAt: "2026-03-15T12:00:00.001Z" });

  setClock("2026-03-01T13:00:00.000Z");
  for (const name of ["orphan", "dormant-31", "dormant-30"]) expect(await use(name, "GET", "/v1/feedback")).toBe(200);
  for (const ua of ["a/1", "b/1", "c/1", "d/1"]) expect(await use("shared", "GET", "/v1/whoami", ua)).toBe(200);
  for (const ua of ["a/1", "b/1", "c/1"]) expect(await use("single", "GET", "/v1/whoami", ua)).toBe(200);

  setClock("2026-03-02T12:00:00.000Z");
  expect((await ws.call("POST", `/v1/api-keys/${keys.retired!.key.id}/revoke`, { body: { reason: "rotated" } })).status).toBe(200);
  setClock("2026-03-03T12:00:00.000Z");
  expect(await use("retired", "GET", "/v1/feedback")).toBe(401);
  expect(await use("underscoped", "POST", "/v1/feedback")).toBe(403);

  setClock("2026-03-11T00:00:00.000Z");
  expect(await use("full-admin", "GET", "/v1/settings")).toBe(200);
  setClock("2026-03-11T10:00:00.000Z");
  expect(await use("full-reader", "GET", "/v1/feedback")).toBe(200);
  expect(await use("full-writer", "POST", "/v1/feedback")).toBe(201);
  expect(await use("write-reader", "GET", "/v1/feedback")).toBe(200);
  expect(await use("write-writer", "POST", "/v1/feedback")).toBe(201);
});

afterAll(async () => {
  await ws.stop();
});

describe("findings from a real server's usage", () => {
  it("never used: from exactly 7 days after creation", async () => {
    expect(await findingsAt("2026-03-08T11:59:59.999Z", "never_used")).not.toContain("never");
    expect(await findingsAt("2026-03-08T12:00:00.000Z", "never_used")).toContain("never");
    // A key that was used is never "never used".
    expect(await findingsAt("2026-03-08T12:00:00.000Z", "never_used")).not.toContain("orphan");
  });

  it("expiring soon: an expiry exactly 14 days away counts, a millisecond later does not", async () => {
    const found = await findingsAt("2026-03-01T12:00:00.000Z", "expiring_soon");
    expect(found).toContain("expiring");
    expect(found).not.toContain("expiring-later");
  });

  it("shared key: four user agents on one key are more than three clients; three are not", async () => {
    const found = await findingsAt("2026-03-02T12:00:00.000Z", "shared_key");
    expect(found).toEqual(["shared"]);
  });

  it("refused requests: a request with a revoked key shows until it leaves the 7-day window; a scope refusal never does", async () => {
    setClock("2026-03-09T12:00:00.000Z");
    const findings = await findingsNow();
    const refused = findings.filter((f) => f.kind === "refused_requests");
    expect(refused.map((f) => keyName(f.keyId))).toEqual(["retired"]);
    expect(refused[0]!.evidence).toMatchObject({ revokedKeyRequests: 1, lastRefusedAt: "2026-03-03T12:00:00.000Z" });
    expect(await findingsAt("2026-03-10T12:00:00.000Z", "refused_requests")).toEqual([]);
  });

  it("broader than its use: a full key that only read needs read, one that wrote needs write; used scopes are not flagged", async () => {
    setClock("2026-04-09T12:00:00.000Z");
    const findings = (await findingsNow()).filter((f) => f.kind === "broader_than_use");
    const suggested = Object.fromEntries(findings.map((f) => [keyName(f.keyId), f.suggestedScope]));
    expect(suggested).toEqual({ "full-reader": "read", "full-writer": "write", "write-reader": "read" });
  });

  it("broader than its use: a settings call counts from UTC midnight 29 days before today", async () => {
    expect(await findingsAt("2026-04-09T12:00:00.000Z", "broader_than_use")).not.toContain("full-admin");
    // Used again inside the next window, but the settings call (2026-03-11T00:00Z) is now out of it.
    setClock("2026-04-10T08:00:00.000Z");
    expect(await use("full-admin", "GET", "/v1/feedback")).toBe(200);
    expect(await findingsAt("2026-04-10T12:00:00.000Z", "broader_than_use")).toContain("full-admin");
  });

  it("orphaned: from exactly 90 days after the last use", async () => {
    expect(await findingsAt("2026-05-30T12:59:59.999Z", "orphaned")).not.toContain("orphan");
    expect(await findingsAt("2026-05-30T13:00:00.000Z", "orphaned")).toContain("orphan");
  });

  it("dormant key awakened: 30 whole days between the previous use and the start of today, not 29", async () => {
    setClock("2026-03-31T09:00:00.000Z");
    expect(await use("dormant-30", "GET", "/v1/feedback")).toBe(200);
    expect(await findingsAt("2026-03-31T10:00:00.000Z", "dormant_awakened")).not.toContain("dormant-30");
    setClock("2026-04-01T09:00:00.000Z");
    expect(await use("dormant-31", "GET", "/v1/feedback")).toBe(200);
    const findings = await findingsNow();
    const dormant = findings.find((f) => f.kind === "dormant_awakened" && keyName(f.keyId) === "dormant-31");
    expect(dormant?.evidence).toMatchObject({ previousUseAt: "2026-03-01T13:00:00.000Z", idleDays: 30 });
    // The next day it is no longer "today".
    expect(await findingsAt("2026-04-02T09:00:00.000Z", "dormant_awakened")).toEqual([]);
  });

  it("rotation overdue: due on the 90th calendar day, overdue the day after", async () => {
    expect(await findingsAt("2026-05-30T12:00:00.000Z", "rotation_overdue")).not.toContain("never");
    expect(await findingsAt("2026-05-31T12:00:00.000Z", "rotation_overdue")).toContain("never");
  });

  it("leaked in source: an active key the scanner found in a folder is critical; a revoked one found too is low", async () => {
    setClock("2026-03-02T12:00:00.000Z");
    const folder = tempDir("leak");
    fs.mkdirSync(path.join(folder, "src"));
    fs.writeFileSync(path.join(folder, "src", "app.ts"), `// config\n\nconst key = "${keys.single!.secret}";\n`);
    fs.writeFileSync(path.join(folder, ".env"), `OLD_KEY=${keys.retired!.secret}\n`);
    const scan = await scanPath({ root: folder, lookup: client, threads: 0 });
    const leaks = leakRecords(scan, new Date(clock));
    expect(leaks.map((leak) => leak.keyId).sort()).toEqual([keys.single!.key.id, keys.retired!.key.id].sort());
    const findings = computeFindings({ keys: await client.listAllKeys(), usage: null, leaks, dismissals: [], settings: DEFAULT_FINDING_SETTINGS, rotationDays: 90, now: new Date(clock) });
    const leaked = findings.filter((f) => f.kind === "leaked_in_source");
    expect(leaked.map((f) => [keyName(f.keyId), f.severity])).toEqual([
      ["single", "critical"],
      ["retired", "low"],
    ]);
    expect(leaked[0]!.explanation).toContain("src/app.ts:3");
    expect(JSON.stringify(findings)).not.toContain(keys.single!.secret);
  });
});
