/**
 * Matching finds against a real workspace server on loopback: by SHA-256 only, in lookups of at
 * most 1000 hashes, each find becoming an active, revoked or expired key of this workspace (with
 * its id and name) or "none"; offline, finds are still reported, unmatched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakRecords, LOOKUP_BATCH, scanPath, type KeyLookup } from "../../../core/scan";
import { WorkspaceClient } from "../../../core/workspace/workspace-client";
import { startWorkspace, type TestWorkspace } from "../../support/test-server";
import { credential, expectNoSecret, keywardAsync, removeTempDirs, tempDir, write } from "./support";

let workspace: TestWorkspace;
const keys: Record<"active" | "revoked" | "expired", { id: string; secret: string; name: string }> = {} as never;
const stranger = credential("live");
let root: string;

beforeAll(async () => {
  workspace = await startWorkspace();
  for (const status of ["active", "revoked", "expired"] as const) {
    const created = await workspace.createKey("read", `billing-${status}`);
    keys[status] = { id: created.key.id, secret: created.secret, name: created.key.name };
  }
  expect((await workspace.call("POST", `/v1/api-keys/${keys.revoked.id}/revoke`, { body: { reason: "compromised" } })).status).toBe(200);
  expect((await workspace.call("POST", `/v1/api-keys/${keys.expired.id}/schedule-expiry`, { body: { graceSeconds: 0 } })).status).toBe(200);
  root = tempDir("match");
  write(root, "active.env", `KEY=${keys.active.secret}\n`);
  write(root, "revoked.env", `KEY=${keys.revoked.secret}\n`);
  write(root, "expired.env", `KEY=${keys.expired.secret}\n`);
  write(root, "stranger.env", `KEY=${stranger}\n`);
});

afterAll(async () => {
  await workspace.stop();
  removeTempDirs();
});

describe("matching against the workspace", () => {
  it("tells active, revoked, expired and foreign credentials apart, with the key's id and name", async () => {
    const result = await scanPath({ root, lookup: new WorkspaceClient(workspace.url, workspace.adminToken) });
    expect(result.matched).toBe(true);
    const byFile = Object.fromEntries(result.findings.map((finding) => [finding.file, finding.match]));
    expect(byFile).toEqual({
      "active.env": { status: "active", keyId: keys.active.id, name: "billing-active" },
      "revoked.env": { status: "revoked", keyId: keys.revoked.id, name: "billing-revoked" },
      "expired.env": { status: "expired", keyId: keys.expired.id, name: "billing-expired" },
      "stranger.env": { status: "none" },
    });
    expect(leakRecords(result, new Date("2026-01-01T00:00:00Z"))).toEqual(
      expect.arrayContaining([expect.objectContaining({ keyId: keys.active.id, locations: ["active.env:1"], locationCount: 1 })]),
    );
    expectNoSecret([...Object.values(keys).map((key) => key.secret), stranger], JSON.stringify(result));
  });

  it("looks up at most 1000 hashes a call, each credential once however often it appears", async () => {
    const many = tempDir("many");
    const strangers = Array.from({ length: 1204 }, () => credential("test"));
    write(many, "dump.txt", strangers.join("\n"));
    write(many, "again.txt", `${strangers.slice(0, 10).join(" ")}\n${keys.active.secret}\n`);
    const client = new WorkspaceClient(workspace.url, workspace.adminToken);
    const sizes: number[] = [];
    // The real client, counted: every call still goes to the server.
    const counted: KeyLookup = { lookupKeys: (hashes) => (sizes.push(hashes.length), client.lookupKeys(hashes)) };
    const result = await scanPath({ root: many, lookup: counted });
    expect(sizes).toEqual([LOOKUP_BATCH, 1205 - LOOKUP_BATCH]);
    expect(result.findings.filter((finding) => finding.match?.status === "active").map((finding) => finding.file)).toEqual(["again.txt"]);
    expect(result.findings.filter((finding) => finding.match?.status === "none")).toHaveLength(1214);
  });

  it("offline, still reports every find, without a match", async () => {
    const result = await scanPath({ root });
    expect(result.matched).toBe(false);
    expect(result.findings).toHaveLength(4);
    expect(result.findings.every((finding) => finding.match === undefined)).toBe(true);
  });

  it("keyward scan --workspace puts match, keyId and name in the JSON report", { timeout: 120_000 }, async () => {
    const run = await keywardAsync(root, ["scan", ".", "--format", "json", "--workspace", workspace.url, "--admin-token", workspace.adminToken]);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout).findings as Record<string, unknown>[];
    expect(findings.map(({ file, match, keyId, name }) => ({ file, match, keyId, name }))).toEqual([
      { file: "active.env", match: "active", keyId: keys.active.id, name: "billing-active" },
      { file: "expired.env", match: "expired", keyId: keys.expired.id, name: "billing-expired" },
      { file: "revoked.env", match: "revoked", keyId: keys.revoked.id, name: "billing-revoked" },
      { file: "stranger.env", match: "none", keyId: undefined, name: undefined },
    ]);
    expectNoSecret([...Object.values(keys).map((key) => key.secret), stranger, workspace.adminToken], run.stdout, run.stderr);
  });
});
