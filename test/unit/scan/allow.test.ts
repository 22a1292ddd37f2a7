/**
 * The `keyward:allow` marker: a find whose line carries it after the credential is set aside
 * (reported apart, not a leak, not refused by the hook), wherever the read buffers cut the text;
 * the marker elsewhere allows nothing; in history a place is allowed only if every version of its
 * line is marked; and a live key of the workspace is reported whatever its line says.
 */
import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchFindings, scanPath, scanStream, setAsideAllowed, toJsonReport, toSarif, toText } from "../../../core/scan";
import { WorkspaceClient } from "../../../core/workspace/workspace-client";
import { displayForm } from "../../../shared/credential";
import { startWorkspace, type TestWorkspace } from "../../support/test-server";
import { commit, credential, expectNoSecret, git, gitRepo, keyward, keywardAsync, removeTempDirs, tempDir, write } from "./support";

let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await startWorkspace();
});

afterAll(async () => {
  await workspace.stop();
  removeTempDirs();
});

const places = (findings: { file: string; line: number }[]) => findings.map(({ file, line }) => `${file}:${line}`).sort();

describe("keyward:allow", () => {
  it("sets aside a find whose line is marked after it, and only that one", async () => {
    const vector = credential("test");
    const root = tempDir("allow-folder");
    write(root, "fixtures.ts", `export const VECTOR = "${vector}"; // keyward:allow\nexport const AGAIN = "${vector}";\n`);
    write(root, "above.py", `# keyward:allow\nKEY = "${credential("live")}"\n`);
    write(root, "before.env", `keyward:allow ${credential("live")}\n`);
    write(root, "far.txt", `${credential("test")}${" ".repeat(600)}keyward:allow\n`);
    write(root, "docs.md", `Example: \`${credential("test")}\` <!-- keyward:allow -->`);
    const result = await scanPath({ root, threads: 0 });
    expect(places(result.allowed)).toEqual(["docs.md:1", "fixtures.ts:1"]);
    expect(result.allowed.every((finding) => finding.allowed)).toBe(true);
    // The same key unmarked on line 2, and markers that are not after the credential on its line (or too far).
    expect(places(result.findings)).toEqual(["above.py:2", "before.env:1", "far.txt:1", "fixtures.ts:2"]);
    expect(result.findings.every((finding) => !finding.allowed)).toBe(true);

    const text = toText(result);
    expect(text).toContain("2 places marked keyward:allow left out (not checked against a workspace");
    expect(text).not.toContain("docs.md");
    const json = toJsonReport(result);
    expect(json.summary).toMatchObject({ findings: 4, allowed: 2 });
    expect(json.allowed.map((finding) => finding.file).sort()).toEqual(["docs.md", "fixtures.ts"]);
    expectNoSecret([vector], text, JSON.stringify(json));
  });

  it("is read whole wherever the read buffer cuts the line, in files and on standard input", async () => {
    const vector = credential("test");
    const root = tempDir("allow-chunks");
    // A credential, then 300 bytes, then the marker: every chunk size below cuts the line somewhere.
    const text = `${"x".repeat(100)}\nKEY=${vector}${" ".repeat(300)}# keyward:allow\nLEAK=${vector}\n`;
    write(root, "a.env", text);
    for (const chunkBytes of [16, 57, 64, 100, 150, 333, 400, 1024]) {
      const result = await scanPath({ root, threads: 0, chunkBytes });
      expect({ chunkBytes, allowed: places(result.allowed), found: places(result.findings) }).toEqual({ chunkBytes, allowed: ["a.env:2"], found: ["a.env:3"] });
    }
    const piped = await scanStream(Readable.from([Buffer.from(text.slice(0, 130)), Buffer.from(text.slice(130, 200)), Buffer.from(text.slice(200))]), { name: "-" });
    expect({ allowed: places(piped.allowed), found: places(piped.findings) }).toEqual({ allowed: ["-:2"], found: ["-:3"] });
  });

  it("never hides a live key of the workspace; revoked and foreign ones can be allowed", { timeout: 120_000 }, async () => {
    const live = await workspace.createKey("write", "deploy bot");
    const revoked = await workspace.createKey("read", "old reporting");
    expect((await workspace.call("POST", `/v1/api-keys/${revoked.key.id}/revoke`, { body: { reason: "unused" } })).status).toBe(200);
    const foreign = credential("test");
    const root = tempDir("allow-match");
    write(root, "live.env", `KEY=${live.secret} # keyward:allow\n`);
    write(root, "revoked.env", `KEY=${revoked.secret} # keyward:allow\n`);
    write(root, "foreign.env", `KEY=${foreign} # keyward:allow\n`);
    const result = await scanPath({ root, lookup: new WorkspaceClient(workspace.url, workspace.adminToken) });
    expect(result.findings.map(({ file, allowed, match }) => ({ file, allowed, status: match?.status }))).toEqual([{ file: "live.env", allowed: true, status: "active" }]);
    expect(places(result.allowed)).toEqual(["foreign.env:1", "revoked.env:1"]);
    expect(toText(result)).toContain('ACTIVE key "deploy bot"');
    expect(toText(result)).toContain("marked keyward:allow, but a live key is never allowed");
    expect(toText(result)).toContain("2 places marked keyward:allow left out.");

    const results = toSarif(result, { toolVersion: "0.1.0" }).runs[0]!.results;
    const suppressed = results.filter((entry) => "suppressions" in entry);
    expect(suppressed.map((entry) => entry.locations[0]!.physicalLocation.artifactLocation.uri).sort()).toEqual(["foreign.env", "revoked.env"]);
    expect(suppressed[0]).toMatchObject({ suppressions: [{ kind: "inSource" }] });
    expect(results.find((entry) => !("suppressions" in entry))!.message.text).toContain("a live key is never allowed");

    // The command line: the live key still fails the scan (exit 1); without it, exit 0.
    const cli = await keywardAsync(root, ["scan", ".", "--workspace", workspace.url, "--admin-token", workspace.adminToken]);
    expect(cli.status, cli.stderr).toBe(1);
    write(root, "live.env", "KEY=${KEY}\n");
    const clean = await keywardAsync(root, ["scan", ".", "--workspace", workspace.url, "--admin-token", workspace.adminToken]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("2 places marked keyward:allow left out.");
    expectNoSecret([live.secret, revoked.secret, foreign], cli.stdout, clean.stdout);
  });

  it("with matchLater, marked places wait for the caller's own lookup before being set aside", { timeout: 60_000 }, async () => {
    const live = await workspace.createKey("read", "status page");
    const vector = credential("test");
    const root = tempDir("allow-later");
    write(root, "a.env", `LIVE=${live.secret} # keyward:allow\nVECTOR=${vector} # keyward:allow\n`);
    const result = await scanPath({ root, threads: 0, matchLater: true });
    expect(result.allowed).toEqual([]);
    expect(places(result.findings)).toEqual(["a.env:1", "a.env:2"]);
    await matchFindings(result.findings, new WorkspaceClient(workspace.url, workspace.adminToken));
    setAsideAllowed(result);
    expect(result.findings.map(({ line, match }) => ({ line, status: match?.status }))).toEqual([{ line: 1, status: "active" }]);
    expect(places(result.allowed)).toEqual(["a.env:2"]);
  });

  it("in history, a place is allowed only if every version of its line is marked", async () => {
    const first = credential("test");
    const second = credential("test");
    const repo = gitRepo("allow-history");
    commit(repo, "add vectors", { "test/vectors.ts": `export const A = "${first}";\nexport const B = "${second}"; // keyward:allow\n` });
    commit(repo, "mark the first", { "test/vectors.ts": `export const A = "${first}"; // keyward:allow\nexport const B = "${second}"; // keyward:allow\n` });
    const result = await scanPath({ root: repo, history: true, threads: 0 });
    expect(result.findings.map(({ display, file, line, commits }) => ({ display, file, line, commits: commits.length }))).toEqual([{ display: displayForm(first), file: "test/vectors.ts", line: 1, commits: 2 }]);
    expect(result.allowed.map(({ display, line }) => ({ display, line }))).toEqual([{ display: displayForm(second), line: 2 }]);
  });

  it("lets the pre-commit hook pass a marked test vector, and still refuses an unmarked key", () => {
    const repo = gitRepo("allow-hook");
    expect(keyward(repo, ["hook", "install"]).status).toBe(0);
    write(repo, "test/vectors.ts", `export const VECTOR = "${credential("test")}"; // keyward:allow\n`);
    git(repo, "add", "-A");
    const passed = spawnSync("git", ["commit", "-m", "add a test vector"], { cwd: repo, encoding: "utf8" });
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    write(repo, "config/prod.env", `API_KEY=${credential("live")}\n`);
    git(repo, "add", "-A");
    const refused = spawnSync("git", ["commit", "-m", "add prod settings"], { cwd: repo, encoding: "utf8" });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("config/prod.env:1:9");
  });
});
