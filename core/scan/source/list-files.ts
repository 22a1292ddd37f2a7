/**
 * Which files a folder scan reads. In a git repository (unless `noIgnore`): what git lists, or,
 * without a usable git, a walk that applies the repository's .gitignore files. Elsewhere, or with
 * `noIgnore`: every file under the root. `.git` itself is never read (the history scan covers it).
 */
import fs from "node:fs";
import path from "node:path";
import { requireGit } from "../git/git";
import { gitFiles } from "./git-files";
import { GitignoreRules, toSlashes } from "./gitignore";
import { walkFiles, type WalkCounts } from "./walk";

export type ListingMode = "git" | "gitignore" | "all";

export interface Listing {
  mode: ListingMode;
  batches: AsyncGenerator<string[]>;
  /** Entries the listing itself skipped (the walk sees symlinks and special files by type). */
  counts: WalkCounts;
}

/** The top of the git repository that holds `dir`, or null. */
export function repositoryTop(dir: string): string | null {
  for (let current = path.resolve(dir); ; ) {
    if (fs.existsSync(path.join(current, ".git"))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

export async function listFiles(root: string, options: { noIgnore: boolean; git: string; batchSize: number; signal?: AbortSignal }): Promise<Listing> {
  const counts: WalkCounts = { symlink: 0, special: 0, unreadable: 0 };
  const top = options.noIgnore ? null : repositoryTop(root);
  if (!top) return { mode: "all", counts, batches: walkFiles(root, { batchSize: options.batchSize, signal: options.signal, counts }) };
  const gitUsable = await requireGit(options.git).then(
    () => true,
    () => false,
  );
  if (gitUsable) return { mode: "git", counts, batches: gitFiles(options.git, root, options.batchSize, options.signal) };
  const gitignore = { rules: GitignoreRules.at(top, root), rootFromTop: toSlashes(path.relative(top, root)) };
  return { mode: "gitignore", counts, batches: walkFiles(root, { batchSize: options.batchSize, signal: options.signal, counts, gitignore }) };
}
