/**
 * What `git commit` would record: the index's version of each staged file (added, modified,
 * copied, renamed or type-changed; not deletions), never the working tree's, which may differ.
 * Runs with the caller's environment, so GIT_INDEX_FILE set by `git commit -a` or `git commit
 * <paths>` for its hooks is honoured.
 */
import { runGit } from "./git";
import { ID_BLOCK, type SendIds } from "./blob-scan";

/** Staged blob ids and the paths each is staged at. */
export async function stagedBlobs(git: string, cwd: string, signal?: AbortSignal): Promise<Map<string, string[]>> {
  const output = await runGit(git, ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=d"], cwd, signal);
  const fields = output.split("\0");
  const blobs = new Map<string, string[]>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":<old mode> <new mode> <old id> <new id> <status>" then the path.
    const [, newMode, , newId] = fields[i]!.replace(/^\n?:/, "").split(" ");
    const file = fields[i + 1]!;
    if (!newId || !newMode || newMode === "160000" || newMode === "120000") continue; // submodules and symlinks hold no text of ours
    blobs.set(newId, [...(blobs.get(newId) ?? []), file]);
  }
  return blobs;
}

export function stagedSource(ids: string[]) {
  return async (send: SendIds): Promise<void> => {
    for (let i = 0; i < ids.length; i += ID_BLOCK) await send(ids.slice(i, i + ID_BLOCK));
  };
}
