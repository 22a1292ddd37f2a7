/**
 * What a folder scan reads and what it skips: binaries, symlinks (a symlink to `/` or to a file
 * outside the folder is never followed), files over the size limit, and, in a git repository,
 * what .gitignore excludes (nested files and negations too) unless noIgnore; a tracked file stays
 * scanned even when a .gitignore matches it. Without git, .gitignore files still apply.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanPath, type ScanResult } from "../../../core/scan";
import { displayForm } from "../../../shared/credential";
import { commit, credential, expectNoSecret, git, gitRepo, removeTempDirs, tempDir, write } from "./support";

afterAll(removeTempDirs);
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const filesOf = (result: ScanResult) => [...new Set(result.findings.map((finding) => finding.file))].sort();

describe("what a folder scan skips", async () => {
  const root = tempDir("skips");
  const outside = tempDir("outside");
  const secretOutside = credential();
  write(outside, "secret.env", `KEY=${secretOutside}\n`);
  const inText = credential();
  write(root, "readme.txt", `key ${inText}\n`);
  // A binary (a NUL in its first bytes) holding a credential is skipped, as git would treat it.
  write(root, "image.png", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(` ${credential()} `)]));
  fs.symlinkSync("/", path.join(root, "root-link"));
  fs.symlinkSync(path.join(outside, "secret.env"), path.join(root, "linked.env"));
  fs.symlinkSync(outside, path.join(root, "linked-dir"));
  write(root, "big.log", `${"x".repeat(5000)}\n${credential()}\n`);
  execFileSync("mkfifo", [path.join(root, "pipe")]);
  const result = await scanPath({ root, maxFileBytes: 4096 });

  it("scans text files and nothing else", () => {
    expect(result.findings.map((finding) => finding.sha256)).toEqual([sha(inText)]);
  });

  it("counts what it skipped and why", () => {
    expect(result.stats.skipped).toMatchObject({ binary: 1, too_large: 1, symlink: 3, special: 1 });
    expect(result.stats.files).toBe(1);
  });

  it("never reads through a symlink: the file outside the folder is not found", () => {
    expect(result.findings.some((finding) => finding.sha256 === sha(secretOutside))).toBe(false);
  });
});

describe("a credential in a file's name", () => {
  it("is shown by its display form in the finding's path, never as the secret", async () => {
    const root = tempDir("named");
    const inName = credential("test");
    const inside = credential("live");
    write(root, `backup-${inName}/notes.txt`, `K=${inside}\n`);
    const result = await scanPath({ root });
    expect(result.findings.map((finding) => finding.file)).toEqual([`backup-${displayForm(inName)}/notes.txt`]);
    expectNoSecret([inName, inside], JSON.stringify(result));
  });
});

describe(".gitignore in a git repository", async () => {
  const repo = gitRepo("ignore");
  const keys = Object.fromEntries(["tracked", "kept", "ignored", "nestedIgnored", "negated", "trackedIgnored", "excluded", "untracked"].map((name) => [name, credential()]));
  write(repo, ".gitignore", "*.secret\nbuild/\n!keep.secret\n");
  write(repo, "src/app.ts", `export const key = "${keys.tracked}";\n`);
  write(repo, "keep.secret", keys.negated!);
  write(repo, "local.secret", keys.ignored!);
  write(repo, "build/out.js", keys.kept!);
  write(repo, "pkg/.gitignore", "generated/\n");
  write(repo, "pkg/generated/cache.json", keys.nestedIgnored!);
  // Committed before the rule that matches it: tracked, so git (and the scan) still has it.
  write(repo, "old.cfg", keys.trackedIgnored!);
  commit(repo, "initial");
  fs.appendFileSync(path.join(repo, ".gitignore"), "old.cfg\n");
  write(repo, ".git/info/exclude", "notes/\n");
  write(repo, "notes/todo.txt", keys.excluded!);
  write(repo, "draft.txt", keys.untracked!);

  it("skips what .gitignore (nested ones, negations) and info/exclude exclude; keeps tracked and untracked files", async () => {
    const result = await scanPath({ root: repo });
    expect(result.listing).toBe("git");
    expect(filesOf(result)).toEqual(["draft.txt", "keep.secret", "old.cfg", "src/app.ts"]);
  });

  it("reads everything with noIgnore, but never .git", async () => {
    const result = await scanPath({ root: repo, noIgnore: true });
    expect(result.listing).toBe("all");
    expect(filesOf(result)).toEqual(["build/out.js", "draft.txt", "keep.secret", "local.secret", "notes/todo.txt", "old.cfg", "pkg/generated/cache.json", "src/app.ts"]);
  });

  it("applies the same .gitignore files without git (a walk with the rules)", async () => {
    const result = await scanPath({ root: repo, git: path.join(repo, "no-such-git") });
    expect(result.listing).toBe("gitignore");
    // Without git's index a tracked file that a rule matches cannot be told apart: it is skipped.
    expect(filesOf(result)).toEqual(["draft.txt", "keep.secret", "src/app.ts"]);
  });

  it("applies the rules of the folders above when scanning a subfolder", async () => {
    write(repo, "pkg/generated/more.txt", credential());
    write(repo, "pkg/lib/index.js", credential());
    const viaGit = await scanPath({ root: path.join(repo, "pkg") });
    const viaWalk = await scanPath({ root: path.join(repo, "pkg"), git: path.join(repo, "no-such-git") });
    expect(filesOf(viaGit)).toEqual(["lib/index.js"]);
    expect(filesOf(viaWalk)).toEqual(["lib/index.js"]);
  });

  it("scans a nested repository (or submodule) that git lists as a directory", async () => {
    const inner = path.join(repo, "vendor/inner");
    fs.mkdirSync(inner, { recursive: true });
    git(inner, "init", "-q");
    write(inner, "config.env", keys.kept!);
    const result = await scanPath({ root: repo });
    expect(filesOf(result)).toContain("vendor/inner/config.env");
  });
});
