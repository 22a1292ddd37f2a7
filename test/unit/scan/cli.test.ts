/**
 * `keyward scan` as scripts and CI use it, run as a real process: exit status 0 (nothing), 1
 * (finds), 2 (error, with a message a user can act on); text, JSON and SARIF on stdout; no
 * progress line when stderr is not a terminal; standard input; and never a secret in any output.
 */
import { afterAll, describe, expect, it } from "vitest";
import { progressLine } from "../../../cli/progress-line";
import { displayForm } from "../../../shared/credential";
import { commit, credential, expectNoSecret, gitRepo, keyward, removeTempDirs, tempDir, write } from "./support";

afterAll(removeTempDirs);

describe("keyward scan", { timeout: 120_000 }, () => {
  const secrets = [credential("live"), credential("admin"), credential("test")];
  const root = tempDir("cli");
  write(root, "src/settings.ts", `export const key = "${secrets[0]}";\n`);
  write(root, "ops/.env", `ADMIN=${secrets[1]}\n`);

  it("exits 0 and says so when there is nothing, with no progress line when piped", () => {
    const clean = tempDir("cli-clean");
    write(clean, "a.txt", "nothing here\n");
    const run = keyward(clean, ["scan", "."]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^No Keyward credentials found\. Scanned 1 file \(13 B\)/);
    expect(run.stderr).toBe("");
  });

  it("exits 1 and lists each find in text", () => {
    const run = keyward(root, ["scan", root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${displayForm(secrets[0]!)}  src/settings.ts:1:21`);
    expect(run.stdout).toContain(`${displayForm(secrets[1]!)}  ops/.env:1:7`);
    expect(run.stdout).toContain("2 credentials found in 2 places.");
    expect(run.stderr).toBe("");
    expectNoSecret(secrets, run.stdout, run.stderr);
  });

  it("prints one JSON object with a findings array", () => {
    const run = keyward(root, ["scan", ".", "--format", "json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toEqual([
      expect.objectContaining({ display: displayForm(secrets[1]!), file: "ops/.env", line: 1, column: 7, commits: [] }),
      expect.objectContaining({ display: displayForm(secrets[0]!), file: "src/settings.ts", line: 1, column: 21, commits: [] }),
    ]);
    expect(report.findings[0]).not.toHaveProperty("match");
    expectNoSecret(secrets, run.stdout, run.stderr);
  });

  it("prints SARIF 2.1.0", () => {
    const run = keyward(root, ["scan", ".", "--format", "sarif"]);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(["ops/.env", "src/settings.ts"]);
    expectNoSecret(secrets, run.stdout, run.stderr);
  });

  it("scans standard input", () => {
    const run = keyward(root, ["scan", "-", "--format", "json"], `log line\nAuthorization: Bearer ${secrets[2]}\n`);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings).toEqual([expect.objectContaining({ display: displayForm(secrets[2]!), file: "-", line: 2, column: 23 })]);
    expectNoSecret(secrets, run.stdout, run.stderr);
  });

  it("scans history with --history and skips large files with --max-file-size", () => {
    const repo = gitRepo("cli-history");
    const old = credential("live");
    commit(repo, "add", { "old.env": `K=${old}\n`, "big.txt": `${"x".repeat(2000)} ${credential()}` });
    commit(repo, "remove", { "old.env": null });
    const run = keyward(repo, ["scan", ".", "--history", "--max-file-size", "1k", "--format", "json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toEqual([expect.objectContaining({ display: displayForm(old), file: "old.env", inWorkingTree: false, commits: [expect.stringMatching(/^[0-9a-f]{40}$/)] })]);
    expect(report.summary.skipped.too_large).toBe(1);
    expectNoSecret([old], run.stdout, run.stderr);
  });

  it("respects .gitignore in a repository, and reads ignored files with --no-ignore", () => {
    const repo = gitRepo("cli-ignore");
    const ignored = credential("live");
    write(repo, ".gitignore", "*.local\n");
    write(repo, "settings.local", `KEY=${ignored}\n`);
    expect(keyward(repo, ["scan", "."]).status).toBe(0);
    const all = keyward(repo, ["scan", ".", "--no-ignore"]);
    expect(all.status).toBe(1);
    expect(all.stdout).toContain(`${displayForm(ignored)}  settings.local:1:5`);
  });

  it("exits 2 with a message a user can act on", () => {
    const missing = keyward(root, ["scan", "no/such/folder"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Nothing to scan at .*no\/such\/folder: no such file or folder\./);
    const format = keyward(root, ["scan", ".", "--format", "xml"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be text, json or sarif, not "xml"');
    const noToken = keyward(root, ["scan", ".", "--workspace", "http://127.0.0.1:9"]);
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toContain("--workspace needs an admin token");
    const size = keyward(root, ["scan", ".", "--max-file-size", "lots"]);
    expect(size.status).toBe(2);
    expect(size.stderr).toContain("--max-file-size must be a number of bytes");
  });

  it("exits 2 when the workspace cannot be reached, without printing the token", () => {
    const token = credential("admin");
    const run = keyward(root, ["scan", ".", "--workspace", "http://127.0.0.1:9", "--admin-token", token]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Cannot reach the workspace at http:\/\/127\.0\.0\.1:9/);
    expectNoSecret([token, ...secrets], run.stdout, run.stderr);
  });
});

describe("the progress line", () => {
  it("redraws one line on a terminal and clears it at the end", () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const line = progressLine(terminal)!;
    line.update({ phase: "scanning", files: 1234, bytes: 5_600_000, finds: 1 });
    line.update({ phase: "history", files: 1300, bytes: 7_000_000, finds: 2 });
    line.clear();
    expect(written).toEqual(["\r\x1b[2KScanning: 1,234 files, 5.6 MB, 1 find", "\r\x1b[2KScanning history: 1,300 files, 7.0 MB, 2 finds", "\r\x1b[2K"]);
  });

  it("is absent when stderr is not a terminal", () => {
    expect(progressLine({ isTTY: false } as unknown as NodeJS.WriteStream)).toBeNull();
  });
});
