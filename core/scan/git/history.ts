/**
 * The blobs of a repository's whole history: every blob reachable from every ref (branches,
 * tags, remote-tracking branches, the stash, HEAD), each listed once by `git rev-list --objects`
 * however many commits hold it, so each is scanned once. Blobs over the size limit are left out
 * by git itself.
 */
import { spawnGit } from "./git";
import { ID_BLOCK, type SendIds } from "./blob-scan";

export function historySource(git: string, cwd: string, maxFileBytes: number) {
  return async (send: SendIds, signal: AbortSignal): Promise<void> => {
    let failure: Error | null = null;
    const args = ["rev-list", "--all", "--objects", "--filter=object:type=blob", `--filter=blob:limit=${maxFileBytes + 1}`];
    const child = spawnGit(git, args, cwd, signal, (error) => (failure ??= error));
    child.stdin.end();
    const closed = new Promise((resolve) => child.on("close", resolve));
    let rest = "";
    let block: string[] = [];
    child.stdout.setEncoding("latin1");
    for await (const text of child.stdout as AsyncIterable<string>) {
      const lines = (rest + text).split("\n");
      rest = lines.pop()!;
      for (const line of lines) {
        // "<blob> <path>" for blobs; commits come without a path and are not scanned.
        const space = line.indexOf(" ");
        if (space <= 0) continue;
        block.push(line.slice(0, space));
        if (block.length >= ID_BLOCK) {
          await send(block);
          block = [];
        }
      }
    }
    await closed;
    if (failure) throw failure;
    if (block.length > 0) await send(block);
  };
}
