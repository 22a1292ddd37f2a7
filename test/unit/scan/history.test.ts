/**
 * History scans: every blob reachable from every ref is scanned once, and each find names the
 * commits whose tree holds it, with their authors: a file deleted long ago, a branch never
 * merged, the stash, a key that sat in fifty commits (reported once, with the fifty).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GitError, scanPath } from "../../../core/scan";
import { commit, credential, git, gitRepo, removeTempDirs, tempDir, write } from "./support";

afterAll(removeTempDirs);
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("a repository's history", async () => {
  const repo = gitRepo("history");
  const deleted = credential("live");
  const branch = credential("test");
  const stashed = credential("admin");
  const longLived = credential("live");
  const merged = credential("live");

  const added = commit(repo, "add deploy settings", { "deploy/prod.env": `API_KEY=${deleted}\n`, "README.md": "# app\n" });
  const removed = commit(repo, "remove the key", { "deploy/prod.env": null }, "Bob Builder <bob@example.invalid>");
  // A key that stays in one file while fifty commits change other files: one blob, fifty commits.
  const fifty = [commit(repo, "add config", { "config.yml": `token: ${longLived}\n` })];
  for (let i = 1; i < 50; i++) fifty.push(commit(repo, `change ${i}`, { "counter.txt": String(i) }));
  // A branch that is never merged.
  git(repo, "checkout", "-q", "-b", "experiment");
  const onBranch = commit(repo, "try a thing", { "scratch/try.json": JSON.stringify({ key: branch }) });
  git(repo, "checkout", "-q", "main");
  // A branch merged back: the merge commit holds its blob too.
  git(repo, "checkout", "-q", "-b", "feature");
  const onFeature = commit(repo, "feature", { "feature.txt": `k=${merged}\n` });
  git(repo, "checkout", "-q", "main");
  commit(repo, "main moves on", { "counter.txt": "main" });
  git(repo, "merge", "-q", "--no-edit", "--no-ff", "feature");
  const merge = git(repo, "rev-parse", "HEAD");
  // Work in progress, stashed.
  write(repo, "wip.txt", `pending ${stashed}\n`);
  git(repo, "add", "wip.txt");
  git(repo, "stash", "-q");

  const result = await scanPath({ root: repo, history: true });
  const findingOf = (secret: string) => result.findings.filter((finding) => finding.sha256 === sha(secret));

  it("finds a key in a file deleted from the working tree, only in history", () => {
    expect(findingOf(deleted)).toEqual([expect.objectContaining({ file: "deploy/prod.env", line: 1, column: 9, commits: [added], authors: ["Ada Author <ada@example.invalid>"], inWorkingTree: false })]);
    expect(findingOf(deleted)[0]!.commits).not.toContain(removed);
  });

  it("lists every commit whose tree holds a key, on every branch and in the stash, each once", () => {
    const [finding, ...others] = findingOf(longLived);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ file: "config.yml", line: 1, column: 8, inWorkingTree: true });
    // Every commit but the two made before config.yml existed.
    const all = git(repo, "rev-list", "--all").split("\n");
    expect([...finding!.commits].sort()).toEqual(all.filter((id) => id !== added && id !== removed).sort());
    expect(finding!.commits.slice(0, 50)).toEqual(fifty);
  });

  it("finds a key on a branch that was never merged", () => {
    expect(findingOf(branch)).toEqual([expect.objectContaining({ file: "scratch/try.json", commits: [onBranch], inWorkingTree: false })]);
  });

  it("names the merge commit as holding a key its branch brought", () => {
    expect(findingOf(merged)[0]!.commits).toEqual(expect.arrayContaining([onFeature, merge]));
  });

  it("finds a key that only the stash holds", () => {
    const [finding] = findingOf(stashed);
    expect(finding).toMatchObject({ file: "wip.txt", inWorkingTree: false });
    expect(finding!.commits.length).toBeGreaterThan(0);
  });

  it("scans each blob once, however many commits hold it", () => {
    const blobs = git(repo, "rev-list", "--all", "--objects", "--filter=object:type=blob")
      .split("\n")
      .filter((line) => line.includes(" "));
    expect(result.stats.blobs).toBe(new Set(blobs.map((line) => line.slice(0, 40))).size);
  });

  it("names files relative to the scanned folder when it is a subfolder", async () => {
    const sub = await scanPath({ root: path.join(repo, "deploy"), history: true, workingTree: false });
    expect(sub.findings.find((finding) => finding.sha256 === sha(deleted))!.file).toBe("prod.env");
    expect(sub.findings.find((finding) => finding.sha256 === sha(longLived))!.file).toBe("../config.yml");
  });
});

describe("a key in fifty commits", async () => {
  const repo = gitRepo("fifty");
  const key = credential("live");
  const commits = [commit(repo, "add settings", { "settings.env": `KEY=${key}\n` })];
  for (let i = 1; i < 50; i++) commits.push(commit(repo, `work ${i}`, { "work.txt": `step ${i}\n` }));
  // The same line again in a file that changes around it: fifty blobs, one place.
  const moving = credential("test");
  const movingCommits: string[] = [];
  for (let i = 0; i < 50; i++) movingCommits.push(commit(repo, `log ${i}`, { "app.log": `token=${moving}\n${"entry\n".repeat(i)}` }));
  const result = await scanPath({ root: repo, history: true, workingTree: false });

  it("is reported once, with its fifty commits, oldest first", () => {
    const findings = result.findings.filter((finding) => finding.sha256 === sha(key));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.commits).toEqual([...commits, ...movingCommits]);
  });

  it("in fifty versions of a changing file, is one finding with fifty commits", () => {
    const findings = result.findings.filter((finding) => finding.sha256 === sha(moving));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.commits).toEqual(movingCommits);
  });
});

describe("history errors a user can act on", () => {
  it("says so when the folder is not in a repository", async () => {
    const plain = tempDir("plain");
    await expect(scanPath({ root: plain, history: true })).rejects.toThrow(/not in a git repository/);
  });

  it("says so when git is missing", async () => {
    const repo = gitRepo("nogit");
    const error = await scanPath({ root: repo, history: true, git: "/nonexistent/bin/git" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).toMatch(/git was not found at \/nonexistent\/bin\/git/);
  });
});
