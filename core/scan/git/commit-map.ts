/**
 * Which commits hold which blobs, for the few blobs that hold a credential: one pass over the
 * history's file changes (`git log --raw`, parents before children), carrying each commit's state
 * of the paths that matter from its first parent. A blob is "in" a commit when the commit's tree
 * has it at that path: the commit that added it and every later one until it was changed or
 * deleted, on every branch.
 */
import { spawnGit } from "./git";

export interface Appearance {
  commit: string;
  path: string;
  /** "Name <email>" */
  author: string;
  /** ISO-8601 author date. */
  date: string;
  /** The commit's rank in history, parents before children: sorts commits oldest first. */
  rank: number;
}

const NO_PATHS: ReadonlyMap<string, string> = new Map();

export async function mapBlobsToCommits(git: string, cwd: string, blobs: ReadonlySet<string>, signal?: AbortSignal): Promise<Map<string, Appearance[]>> {
  const found = new Map<string, Appearance[]>();
  if (blobs.size === 0) return found;
  let failure: Error | null = null;
  const args = ["log", "--all", "--topo-order", "--reverse", "--raw", "--no-abbrev", "--no-renames", "--diff-merges=first-parent", "--root", "-z", "--format=%x01%H %P%x00%aN <%aE>%x00%aI"];
  const child = spawnGit(git, args, cwd, signal, (error) => (failure ??= error));
  child.stdin.end();
  const closed = new Promise((resolve) => child.on("close", resolve));

  // The paths (of those that ever held a credential blob) and their blob, per commit; commits
  // holding none share NO_PATHS and are not stored.
  const states = new Map<string, ReadonlyMap<string, string>>();
  let commit: { id: string; author: string; date: string; paths: ReadonlyMap<string, string>; own: boolean } | null = null;
  let rank = 0;
  let field: "header" | "author" | "date" | "change" | "path" = "header";
  let pendingBlob = "";

  const finishCommit = () => {
    if (!commit) return;
    if (commit.paths.size > 0) states.set(commit.id, commit.paths);
    for (const [path, blob] of commit.paths) {
      const list = found.get(blob) ?? [];
      list.push({ commit: commit.id, path, author: commit.author, date: commit.date, rank });
      found.set(blob, list);
    }
    commit = null;
    rank++;
  };

  const onToken = (token: string) => {
    if (token.startsWith("\x01")) {
      finishCommit();
      const [id, firstParent] = token.slice(1).split(" ");
      commit = { id: id!, author: "", date: "", paths: (firstParent && states.get(firstParent)) || NO_PATHS, own: false };
      field = "author";
    } else if (field === "author") {
      commit!.author = token;
      field = "date";
    } else if (field === "date") {
      commit!.date = token;
      field = "change";
    } else if (field === "change") {
      // ":<old mode> <new mode> <old id> <new id> <status>", then the path.
      pendingBlob = token.replace(/^\n?:/, "").split(" ")[3] ?? "";
      field = "path";
    } else {
      field = "change";
      const current = commit!;
      const holds = blobs.has(pendingBlob);
      if (!holds && !current.paths.has(token)) return;
      if (!current.own) {
        current.paths = new Map(current.paths);
        current.own = true;
      }
      const paths = current.paths as Map<string, string>;
      if (holds) paths.set(token, pendingBlob);
      else paths.delete(token);
    }
  };

  let rest = "";
  child.stdout.setEncoding("utf8");
  for await (const text of child.stdout as AsyncIterable<string>) {
    const tokens = (rest + text).split("\0");
    rest = tokens.pop()!;
    for (const token of tokens) onToken(token);
  }
  if (rest) onToken(rest);
  finishCommit();
  await closed;
  if (failure) throw failure;
  return found;
}
