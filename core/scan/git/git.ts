/**
 * Running `git`: every git process of a scan is spawned here, killed when the scan is cancelled,
 * and a missing or too old git becomes a message a user can act on. Git's own error output is
 * passed on (it names refs and paths, never file contents).
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { cancelled } from "../cancel";

export type GitProcess = ChildProcessByStdio<Writable, Readable, Readable>;

/** Git 2.32 brought `rev-list --filter=object:type=blob`, which the history scan relies on. */
const MINIMUM = [2, 32] as const;

export class GitError extends Error {
  override name = "GitError";
}

const versions = new Map<string, Promise<string>>();

/** Checks once per executable that git runs and is recent enough; throws a GitError otherwise. */
export function requireGit(git: string): Promise<string> {
  let version = versions.get(git);
  if (!version) {
    version = runGit(git, ["--version"], process.cwd()).then((output) => {
      const match = /(\d+)\.(\d+)/.exec(output);
      const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
      if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
        throw new GitError(`Keyward needs git ${MINIMUM.join(".")} or later to scan history; this machine has ${output.trim()}.`);
      }
      return output.trim();
    });
    version.catch(() => versions.delete(git));
    versions.set(git, version);
  }
  return version;
}

function missing(git: string): GitError {
  return new GitError(
    git === "git"
      ? "git was not found: install git (https://git-scm.com/downloads) and make sure it is on PATH, then scan again."
      : `git was not found at ${git}: install git or point Keyward to it.`,
  );
}

/** Spawns git; `onFailure` hears of a missing git, a non-zero exit (with git's message) or a cancel. */
export function spawnGit(git: string, args: string[], cwd: string, signal?: AbortSignal, onFailure?: (error: Error) => void): GitProcess {
  const child = spawn(git, args, { cwd, stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text: string) => {
    if (stderr.length < 4000) stderr += text;
  });
  const onAbort = () => child.kill();
  if (signal?.aborted) child.kill();
  signal?.addEventListener("abort", onAbort, { once: true });
  child.on("error", (error: NodeJS.ErrnoException) => onFailure?.(error.code === "ENOENT" ? missing(git) : new GitError(`git could not run: ${error.message}`)));
  child.on("close", (code, killedBy) => {
    signal?.removeEventListener("abort", onAbort);
    if (signal?.aborted) onFailure?.(cancelled());
    else if (code !== 0) onFailure?.(new GitError(`git ${args[0]} failed${killedBy ? ` (${killedBy})` : ""}: ${stderr.trim() || `exit code ${code}`}`));
  });
  // A reader that stops early (cancel, error) closes our end of stdin: that is not a failure.
  child.stdin.on("error", () => {});
  return child;
}

/** Runs git to completion and returns its standard output (for short outputs). */
export function runGit(git: string, args: string[], cwd: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const child = spawnGit(git, args, cwd, signal, (error) => {
      failed = true;
      reject(error);
    });
    child.stdin.end();
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text: string) => (output += text));
    child.on("close", () => {
      if (!failed) resolve(output);
    });
  });
}

/** Splits a stream of NUL- (or newline-) terminated records, calling `onRecord` for each. */
export function splitRecords(stream: Readable, separator: 0 | 10, onRecord: (record: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let rest = "";
    const mark = String.fromCharCode(separator);
    stream.setEncoding("utf8");
    stream.on("data", (text: string) => {
      const parts = (rest + text).split(mark);
      rest = parts.pop()!;
      for (const part of parts) onRecord(part);
    });
    stream.on("end", () => {
      if (rest) onRecord(rest);
      resolve();
    });
    stream.on("error", reject);
  });
}
