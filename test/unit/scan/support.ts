/**
 * Real folders and real git repositories for the scanner's tests, in the temp folder. Credentials
 * are generated at run time; nothing secret-looking is committed with the tests.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCredential, type CredentialFlavor } from "../../../shared/credential";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(REPO_ROOT, "node_modules/.bin/tsx");
const CLI = path.join(REPO_ROOT, "cli/keyward.ts");

// Tests make their own repositories: no user or system git configuration, and no repository a
// surrounding git hook may have pointed us at.
for (const name of ["GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "npm_lifecycle_event", "INIT_CWD"]) delete process.env[name];
process.env.GIT_CONFIG_GLOBAL = "/dev/null";
process.env.GIT_CONFIG_NOSYSTEM = "1";

const made: string[] = [];

export function tempDir(label: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `keyward-scan-${label}-`)));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function credential(flavor: CredentialFlavor = "live"): string {
  return generateCredential(flavor);
}

/** The same credential with its last checksum character changed: a look-alike. */
export function lookAlike(real: string): string {
  const last = real.at(-1)!;
  return real.slice(0, -1) + (last === "a" ? "b" : "a");
}

export function write(root: string, file: string, content: string | Buffer): string {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** A fresh repository with an author, on branch main. */
export function gitRepo(label: string): string {
  const dir = tempDir(label);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "Ada Author");
  git(dir, "config", "user.email", "ada@example.invalid");
  git(dir, "config", "commit.gpgsign", "false");
  return dir;
}

/** Writes the files, stages everything and commits; returns the commit id. */
export function commit(repo: string, message: string, files: Record<string, string | Buffer | null> = {}, author?: string): string {
  for (const [file, content] of Object.entries(files)) {
    if (content === null) fs.rmSync(path.join(repo, file));
    else write(repo, file, content);
  }
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--allow-empty", "--no-verify", "-m", message, ...(author ? ["--author", author] : []));
  return git(repo, "rev-parse", "HEAD");
}

/** Runs the keyward command line (from the sources, as `npm run keyward` does) in `cwd`. */
export function keyward(cwd: string, args: string[], input?: string | Buffer): SpawnSyncReturns<string> {
  return spawnSync(TSX, [CLI, ...args], { cwd, input, encoding: "utf8", maxBuffer: 1 << 26, env: { ...process.env, FORCE_COLOR: "0" } });
}

/** The same, without blocking this process (needed when it also runs the workspace server). */
export function keywardAsync(cwd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Asserts that no secret appears in any of the texts (the scanner's first rule). */
export function expectNoSecret(secrets: string[], ...texts: string[]): void {
  for (const text of texts) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`A secret appears in an output: ${secret.slice(0, 12)}…`);
      // The body alone is as secret as the whole.
      const body = secret.slice(secret.indexOf("_", 3) + 1, -6);
      if (text.includes(body)) throw new Error("A secret's body appears in an output.");
    }
  }
}
