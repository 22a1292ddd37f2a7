/**
 * Lists a folder's files by walking it: never following a symlink (a symlink to `/` or anywhere
 * else is counted as skipped and not entered), never entering `.git`, and, when given
 * .gitignore rules, not entering what they ignore. Yields paths relative to the root with "/".
 */
import fs from "node:fs";
import path from "node:path";
import { cancelled } from "../cancel";
import { GitignoreRules, toSlashes } from "./gitignore";

export interface WalkCounts {
  symlink: number;
  special: number;
  unreadable: number;
}

export interface WalkOptions {
  /** Rules in force at the root, and where the root sits in the repository (relative to its top). */
  gitignore?: { rules: GitignoreRules; rootFromTop: string };
  batchSize: number;
  signal?: AbortSignal;
  counts: WalkCounts;
}

export async function* walkFiles(root: string, options: WalkOptions): AsyncGenerator<string[]> {
  const stack: { dir: string; rules: GitignoreRules | null }[] = [{ dir: "", rules: options.gitignore?.rules ?? null }];
  const fromTop = (relative: string) => {
    const base = options.gitignore?.rootFromTop ?? "";
    return base && relative ? `${base}/${relative}` : base || relative;
  };
  let batch: string[] = [];
  let sinceYield = 0;
  while (stack.length > 0) {
    const { dir, rules } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir ? path.join(root, dir) : root, { withFileTypes: true });
    } catch {
      options.counts.unreadable++;
      continue;
    }
    for (const entry of entries) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === ".git") continue;
        if (rules?.ignores(fromTop(relative), true)) continue;
        stack.push({ dir: relative, rules: rules ? rules.enter(fromTop(relative)) : null });
      } else if (entry.isFile()) {
        if (rules?.ignores(fromTop(relative), false)) continue;
        batch.push(relative);
        if (batch.length >= options.batchSize) {
          yield batch;
          batch = [];
        }
      } else if (entry.isSymbolicLink()) {
        if (!rules?.ignores(fromTop(relative), false)) options.counts.symlink++;
      } else if (!rules?.ignores(fromTop(relative), false)) {
        options.counts.special++;
      }
    }
    // Let progress and cancellation run during long walks of small folders.
    if (++sinceYield >= 64) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw cancelled();
    }
  }
  if (batch.length > 0) yield batch;
}

export { toSlashes };
