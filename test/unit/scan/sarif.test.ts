/**
 * The SARIF report validates against the official SARIF 2.1.0 schema (ajv, JSON Schema 2020-12)
 * and passes Microsoft's SARIF Multitool `validate` with no error, for a scan with history,
 * workspace matches and file names that need encoding; it never holds a secret.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanPath, toSarif, type ScanResult } from "../../../core/scan";
import { WorkspaceClient } from "../../../core/workspace/workspace-client";
import { startWorkspace, type TestWorkspace } from "../../support/test-server";
import { REPO_ROOT, commit, credential, expectNoSecret, gitRepo, removeTempDirs, tempDir, write } from "./support";

const TOOL_DIR = path.join(REPO_ROOT, "node_modules/@microsoft/sarif-multitool-linux");
const SCHEMA = path.join(TOOL_DIR, "sarif-2.1.0.json");
const MULTITOOL = path.join(TOOL_DIR, "Sarif.Multitool");

let workspace: TestWorkspace;
let result: ScanResult;
let sarif: ReturnType<typeof toSarif>;
const secrets: string[] = [];

beforeAll(async () => {
  workspace = await startWorkspace();
  const active = await workspace.createKey("write", "deploy bot");
  const revoked = await workspace.createKey("read", "old reporting");
  await workspace.call("POST", `/v1/api-keys/${revoked.key.id}/revoke`, { body: { reason: "unused" } });
  const foreign = credential("test");
  const historic = credential("admin");
  const example = credential("test");
  secrets.push(active.secret, revoked.secret, foreign, historic, example);
  const repo = gitRepo("sarif");
  commit(repo, "old", { "ops/old token.txt": `token ${historic}\n` });
  commit(repo, "rm", { "ops/old token.txt": null });
  write(repo, "src/deploy config.ts", `export const key = "${active.secret}";\n`);
  write(repo, "données/clé.env", `K=${revoked.secret}\nF=${foreign}\n`);
  write(repo, "docs/example.md", `Example: \`${example}\` <!-- keyward:allow -->\n`);
  result = await scanPath({ root: repo, history: true, lookup: new WorkspaceClient(workspace.url, workspace.adminToken) });
  sarif = toSarif(result, { toolVersion: "0.1.0" });
});

afterAll(async () => {
  await workspace.stop();
  removeTempDirs();
});

function ajvWithFormats() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // The schema's formats, checked with the platform's own parsers (ajv-formats is not installed).
  ajv.addFormat("uri", (text: string) => URL.canParse(text));
  ajv.addFormat("uri-reference", (text: string) => URL.canParse(text, "file:///base/"));
  ajv.addFormat("date-time", (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text) && !Number.isNaN(Date.parse(text)));
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv;
}

describe("the SARIF report", () => {
  it("has one result per finding, with rules, levels by match, places and fingerprints", () => {
    const [run] = sarif.runs;
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual(["KW001", "KW002", "KW003"]);
    expect(run!.results).toHaveLength(5);
    const uris = run!.results.map((entry) => entry.locations[0]!.physicalLocation.artifactLocation.uri);
    // The findings, then the place marked keyward:allow, as a result with an in-source suppression.
    expect(uris).toEqual(["donn%C3%A9es/cl%C3%A9.env", "donn%C3%A9es/cl%C3%A9.env", "ops/old%20token.txt", "src/deploy%20config.ts", "docs/example.md"]);
    expect(run!.results.map((entry) => ("suppressions" in entry ? entry.suppressions : null))).toEqual([null, null, null, null, [{ kind: "inSource", justification: "Marked keyward:allow on its line." }]]);
    const byUri = Object.fromEntries(run!.results.map((entry, i) => [uris[i], entry]));
    expect(byUri["src/deploy%20config.ts"]).toMatchObject({ ruleId: "KW001", level: "error", properties: { match: "active", keyName: "deploy bot" } });
    expect(byUri["ops/old%20token.txt"]).toMatchObject({ ruleId: "KW003", properties: { inWorkingTree: false, commits: [expect.stringMatching(/^[0-9a-f]{40}$/)] } });
    for (const entry of run!.results) expect(entry.partialFingerprints["keywardCredentialHash/v1"]).toMatch(/^[0-9a-f]{32}$/);
    // Active: error; revoked: note; not of this workspace (the foreign key, the old admin token): warning.
    expect(run!.results.map((entry) => [entry.properties.match, entry.level])).toEqual(
      expect.arrayContaining([
        ["active", "error"],
        ["revoked", "note"],
        ["none", "warning"],
        ["none", "warning"],
        ["none", "warning"],
      ]),
    );
    expectNoSecret(secrets, JSON.stringify(sarif));
  });

  it("validates against the official SARIF 2.1.0 JSON schema", () => {
    const validate = ajvWithFormats().compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")));
    const valid = validate(JSON.parse(JSON.stringify(sarif)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the schema check can fail: a result without a message is refused", () => {
    const broken = JSON.parse(JSON.stringify(sarif));
    delete broken.runs[0].results[0].message;
    expect(ajvWithFormats().compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")))(broken)).toBe(false);
  });

  it("passes Microsoft's SARIF Multitool validate with no error", { timeout: 180_000 }, () => {
    const dir = tempDir("multitool");
    const input = path.join(dir, "keyward.sarif");
    const output = path.join(dir, "validation.sarif");
    fs.writeFileSync(input, JSON.stringify(sarif, null, 2));
    execFileSync(MULTITOOL, ["validate", input, "--output", output], { stdio: "pipe", env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });
    const validation = JSON.parse(fs.readFileSync(output, "utf8"));
    const problems = (validation.runs[0].results ?? []) as { ruleId: string; level?: string }[];
    expect(problems.filter((problem) => problem.level === "error")).toEqual([]);
    // The one remark: no tool informationUri (Keyward has no public page to name yet).
    expect(problems.map((problem) => problem.ruleId)).toEqual(problems.length ? ["SARIF2005"] : []);
    expect(validation.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
