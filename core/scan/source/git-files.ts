/**
 * Lists a repository's files the way git sees them: every tracked file (even one a .gitignore
 * matches: it is committed, so a key in it has leaked) and every untracked file that no ignore
 * rule excludes (nested .gitignore files, .git/info/exclude, core.excludesFile).
 */
import { StringDecoder } from "node:string_decoder";
import { spawnGit } from "../git/git";

export async function* gitFiles(git: string, root: string, batchSize: number, signal?: AbortSignal): AsyncGenerator<string[]> {
  let failure: Error | null = null;
  const child = spawnGit(git, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"], root, signal, (error) => (failure ??= error));
  child.stdin.end();
  const closed = new Promise((resolve) => child.on("close", resolve));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let batch: string[] = [];
  try {
    for await (const chunk of child.stdout) {
      const parts = (rest + decoder.write(chunk as Buffer)).split("\0");
      rest = parts.pop()!;
      for (const part of parts) {
        batch.push(part);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  } finally {
    // Stopped early (cancel, error): git need not list the rest.
    if (child.exitCode === null) child.kill();
  }
  await closed;
  if (failure) throw failure;
  if (batch.length > 0) yield batch;
}
