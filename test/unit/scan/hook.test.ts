/**
 * The pre-commit path: `scanStaged` reads what a commit would record (the index, not the working
 * tree), and the hook installed by `keyward hook install` refuses a real `git commit` holding a
 * credential, lets a clean one through, honours core.hooksPath and leaves another tool's hook
 * alone unless --force.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { displayForm } from "../../../shared/credential";
import { scanStaged } from "../../../core/scan";
import { commit, credential, expectNoSecret, git, gitRepo, keyward, removeTempDirs, write } from "./support";

afterAll(removeTempDirs);

describe("scanStaged", () => {
  it("scans the staged version of each file, not the working tree's", async () => {
    const repo = gitRepo("staged");
    commit(repo, "start", { "README.md": "hello\n" });
    const staged = credential();
    const unstaged = credential();
    write(repo, "app.env", `KEY=${staged}\n`);
    git(repo, "add", "app.env");
    // Edited after `git add`: this version is not what the commit records.
    write(repo, "app.env", `KEY=${unstaged}\n`);
    write(repo, "notes.txt", unstaged);
    const result = await scanStaged({ cwd: path.join(repo) });
    expect(result.findings.map(({ display, file, line, column }) => ({ display, file, line, column }))).toEqual([{ display: displayForm(staged), file: "app.env", line: 1, column: 5 }]);
  });

  it("finds nothing when only deletions are staged", async () => {
    const repo = gitRepo("staged-delete");
    commit(repo, "start", { "old.env": `KEY=${credential()}\n` });
    git(repo, "rm", "-q", "old.env");
    expect((await scanStaged({ cwd: repo })).findings).toEqual([]);
  });
});

function tryCommit(repo: string, message: string) {
  const run = spawnSync("git", ["commit", "-m", message], { cwd: repo, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe("the pre-commit hook", { timeout: 120_000 }, () => {
  it("blocks a commit that holds a credential and lets a clean one through", () => {
    const repo = gitRepo("hook");
    const installed = keyward(repo, ["hook", "install"]);
    expect(installed.status, installed.stderr).toBe(0);
    expect(fs.statSync(path.join(repo, ".git/hooks/pre-commit")).mode & 0o111).not.toBe(0);

    const secret = credential("live");
    write(repo, "config/prod.env", `API_KEY=${secret}\n`);
    git(repo, "add", "-A");
    const blocked = tryCommit(repo, "add prod settings");
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain(`${displayForm(secret)}  config/prod.env:1:9`);
    expect(blocked.output).toContain("this commit would record the credentials above");
    expectNoSecret([secret], blocked.output);
    expect(() => git(repo, "rev-parse", "HEAD")).toThrow();

    write(repo, "config/prod.env", "API_KEY=${API_KEY}\n");
    git(repo, "add", "-A");
    const clean = tryCommit(repo, "add prod settings");
    expect(clean.status, clean.output).toBe(0);
    expect(git(repo, "log", "--format=%s")).toBe("add prod settings");
  });

  it("sees what `git commit -a` is about to record (its temporary index)", () => {
    const repo = gitRepo("hook-all");
    commit(repo, "start", { "app.env": "KEY=\n" });
    expect(keyward(repo, ["hook", "install"]).status).toBe(0);
    const secret = credential("live");
    write(repo, "app.env", `KEY=${secret}\n`);
    const run = spawnSync("git", ["commit", "-a", "-m", "set the key"], { cwd: repo, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`${displayForm(secret)}  app.env:1:5`);
    expect(git(repo, "log", "--format=%s")).toBe("start");
  });

  it("installs where core.hooksPath points", () => {
    const repo = gitRepo("hookspath");
    git(repo, "config", "core.hooksPath", ".githooks");
    expect(keyward(repo, ["hook", "install"]).status).toBe(0);
    expect(fs.readFileSync(path.join(repo, ".githooks/pre-commit"), "utf8")).toContain("# keyward pre-commit hook");
    write(repo, "a.txt", credential("admin"));
    git(repo, "add", "-A");
    expect(tryCommit(repo, "a").status).not.toBe(0);
  });

  it("refuses to replace another hook without --force, and keeps it aside with --force", () => {
    const repo = gitRepo("hook-other");
    const other = "#!/bin/sh\necho other tool\n";
    write(repo, ".git/hooks/pre-commit", other);
    const refused = keyward(repo, ["hook", "install"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists and is not Keyward's.*--force/);
    expect(fs.readFileSync(path.join(repo, ".git/hooks/pre-commit"), "utf8")).toBe(other);

    const forced = keyward(repo, ["hook", "install", "--force"]);
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(path.join(repo, ".git/hooks/pre-commit.keyward-backup"), "utf8")).toBe(other);
    expect(fs.readFileSync(path.join(repo, ".git/hooks/pre-commit"), "utf8")).toContain("# keyward pre-commit hook");
    // Installing again over its own hook needs no --force.
    expect(keyward(repo, ["hook", "install"]).status).toBe(0);
  });

  it("refuses the commit, saying how to reinstall, when the keyward it calls is gone", () => {
    const repo = gitRepo("hook-gone");
    expect(keyward(repo, ["hook", "install"]).status).toBe(0);
    const hook = path.join(repo, ".git/hooks/pre-commit");
    fs.writeFileSync(hook, fs.readFileSync(hook, "utf8").replace(/^KEYWARD_SCRIPT=.*$/m, "KEYWARD_SCRIPT='/nonexistent/keyward.ts'"));
    write(repo, "a.txt", "nothing secret\n");
    git(repo, "add", "-A");
    const attempt = tryCommit(repo, "a");
    expect(attempt.status).not.toBe(0);
    expect(attempt.output).toMatch(/is gone\. Reinstall the hook/);
  });
});
