/**
 * Team vault entries linked to a real workspace (the reference server on a loopback port):
 * .env import matched by SHA-256 through the lookup endpoint, live status, stale clean-up.
 */
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkEntries, parseDotenv, planEnvImport, staleLinks, TeamVault } from "../../../core/team-vault";
import { WorkspaceClient } from "../../../core/workspace/workspace-client";
import { startWorkspace, type TestWorkspace } from "../../support/test-server";
import { makeTeam, tempDir } from "./helpers";

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await startWorkspace();
});
afterAll(async () => {
  await workspace.stop();
});

describe("dotenv parsing", () => {
  it("reads export, quotes, escapes, multi-line values and comments", () => {
    const text = [
      "# a comment",
      "export A=plain value # trailing comment",
      'B="double \\"quoted\\"\\nnext"',
      "C='single # not a comment'",
      'D="multi',
      'line"',
      "not a variable",
      "E=",
    ].join("\n");
    expect(parseDotenv(text)).toEqual([
      { line: 2, name: "A", value: "plain value" },
      { line: 3, name: "B", value: 'double "quoted"\nnext' },
      { line: 4, name: "C", value: "single # not a comment" },
      { line: 5, name: "D", value: "multi\nline" },
      { line: 8, name: "E", value: "" },
    ]);
  });
});

describe("entries linked to the workspace's keys", () => {
  it("imports the workspace's keys found in .env files, sending only hashes of well-formed keys, then shows status and stale entries", async () => {
    const { alice } = await makeTeam();
    const billing = await workspace.createKey("read", "billing-sync");
    const github = await workspace.createKey("write", "github-ci");
    const foreign = "uo_live_" + "A".repeat(32);
    const client = new WorkspaceClient(workspace.url, workspace.adminToken);

    // Record what the lookup sends, through a pass-through proxy in front of the real server.
    const sent: string[] = [];
    const proxy = createServer(async (req: IncomingMessage, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      sent.push(body);
      const answer = await fetch(workspace.url + req.url, { method: req.method, headers: { authorization: req.headers.authorization!, "content-type": "application/json" }, body: body || undefined });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
    await new Promise<void>((ready) => proxy.listen(0, "127.0.0.1", ready));
    const viaProxy = new WorkspaceClient(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`, workspace.adminToken);

    const team = await TeamVault.create(join(await tempDir("links"), "team.kwteam"), alice, { name: "Team" });
    await team.add({ kind: "api_key_secret", label: "already kept", secret: github.secret, meta: { keyId: github.key.id } });
    const files = [
      { path: "api/.env", text: `BILLING_KEY=${billing.secret}\nDATABASE_PASSWORD=hunter2\nOLD_KEY=${foreign.slice(0, -6)}${"0".repeat(6)}\n` },
      { path: "ci/.env.production", text: `export GITHUB_TOKEN="${github.secret}"\nBILLING_AGAIN=${billing.secret}\n` },
    ];
    const plan = await planEnvImport(files, (hashes) => viaProxy.lookupKeys(hashes), { existing: team.list(), workspaceId: "ws-1" });
    proxy.close();

    expect(plan.preview.found.map((f) => [f.ref, f.keyName, f.alreadyInVault !== null])).toEqual([
      ["api/.env:1:BILLING_KEY", "billing-sync", false],
      ["ci/.env.production:1:GITHUB_TOKEN", "github-ci", true],
      ["ci/.env.production:2:BILLING_AGAIN", "billing-sync", false],
    ]);
    expect(plan.preview.otherValues).toBe(2); // the password and the look-alike with a bad checksum: never sent
    expect(JSON.stringify(plan.preview)).not.toContain(billing.secret);
    expect(sent.join("")).not.toContain("hunter2");
    expect(sent.join("")).not.toContain(billing.secret);

    const added = await team.addMany(plan.newEntries());
    expect(added.map((e) => [e.label, e.meta])).toEqual([
      ["billing-sync", { keyId: billing.key.id, display: billing.key.display, scope: "read", source: "api/.env:BILLING_KEY", workspaceId: "ws-1" }],
    ]);
    expect(team.get(added[0]!.id)).toBe(billing.secret);

    await workspace.call("POST", `/v1/api-keys/${github.key.id}/revoke`, { body: { reason: "unused" } });
    await client.whoami(billing.secret);
    const links = linkEntries(team.list(), await client.listAllKeys());
    expect(links.map((l) => [l.label, l.status, l.lastUsedAt !== null]).sort()).toEqual([
      ["already kept", "revoked", false],
      ["billing-sync", "active", true],
    ]);
    const stale = staleLinks(links);
    expect(stale.map((l) => l.label)).toEqual(["already kept"]);
    await team.removeMany(stale.map((l) => l.entryId));
    expect(team.list().map((e) => e.label)).toEqual(["billing-sync"]);
    team.close();
  });
});
