/**
 * What the desktop's Scan page relies on: progress in phases with growing counts, and a cancel
 * that stops the scan promptly, rejecting with an AbortError and leaving no worker thread and no
 * git process behind, not even an unreaped one.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { isCancelled, scanPath, type ScanProgress } from "../../../core/scan";
import { commit, credential, gitRepo, removeTempDirs, tempDir, write } from "./support";

afterAll(removeTempDirs);

/** Our git child processes, running or dead but not reaped (zombies) (Linux: /proc). */
function gitChildren(): number[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return stat.includes("(git)") && Number(fields[1]) === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const workers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Worker" || resource === "MessagePort").length;

function bigFolder(): string {
  const root = tempDir("big");
  const block = "const value = 'lorem ipsum dolor sit amet';\n".repeat(4000);
  for (let i = 0; i < 400; i++) write(root, `pkg${i % 20}/file${i}.js`, block);
  write(root, "pkg0/leak.env", `K=${credential()}\n`);
  return root;
}

describe("progress", () => {
  it("reports phases in order and counts that only grow, ending at the totals", async () => {
    const repo = gitRepo("progress");
    commit(repo, "one", { "a.env": `K=${credential()}\n`, "b.txt": "b".repeat(100_000) });
    const seen: ScanProgress[] = [];
    const result = await scanPath({ root: repo, history: true, onProgress: (progress) => seen.push(progress) });
    const phases = seen.map((progress) => progress.phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(phases).toEqual(["scanning", "history", "commits", "done"]);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.files).toBeGreaterThanOrEqual(seen[i - 1]!.files);
      expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
    }
    expect(seen.at(-1)).toEqual({ phase: "done", files: result.stats.files + result.stats.blobs, bytes: result.stats.bytes + result.stats.blobBytes, finds: 2 });
  });
});

describe("cancel", () => {
  it("stops a folder scan: the promise rejects with an AbortError and the workers are gone", async () => {
    const root = bigFolder();
    const before = workers();
    const controller = new AbortController();
    const scan = scanPath({ root, chunkBytes: 4096, signal: controller.signal, onProgress: (progress) => progress.files > 0 && controller.abort() });
    const error = await scan.catch((caught: unknown) => caught);
    expect(isCancelled(error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers()).toBe(before);
  });

  it("stops a history scan and its git processes", async () => {
    const repo = gitRepo("cancel-history");
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`dir${i % 10}/f${i}.txt`] = `${i}\n${"history line with some text in it\n".repeat(3000)}`;
    commit(repo, "files", files);
    const controller = new AbortController();
    let gitWhenCancelled: number[] = [];
    const scan = scanPath({
      root: repo,
      history: true,
      workingTree: false,
      signal: controller.signal,
      onProgress: (progress) => {
        // The first blobs are answered: the workers' git processes are running.
        if (progress.phase === "history" && progress.files > 0 && !controller.signal.aborted) {
          gitWhenCancelled = gitChildren();
          controller.abort();
        }
      },
    });
    expect(isCancelled(await scan.catch((caught: unknown) => caught))).toBe(true);
    if (process.platform === "linux") expect(gitWhenCancelled.length).toBeGreaterThan(0);
    // A killed process is gone once its exit is seen: give the event loop a moment.
    for (let i = 0; i < 100 && gitChildren().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gitChildren()).toEqual([]);
  });

  it("stops a history scan midway through thousands of blobs", async () => {
    const repo = gitRepo("cancel-many");
    const files: Record<string, string> = {};
    for (let i = 0; i < 4000; i++) files[`d${i % 40}/f${i}.txt`] = `file ${i}\n`;
    commit(repo, "many files", files);
    const controller = new AbortController();
    const scan = scanPath({ root: repo, history: true, workingTree: false, signal: controller.signal, onProgress: (progress) => progress.phase === "history" && progress.files > 0 && controller.abort() });
    expect(isCancelled(await scan.catch((caught: unknown) => caught))).toBe(true);
    for (let i = 0; i < 100 && gitChildren().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gitChildren()).toEqual([]);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(isCancelled(await scanPath({ root: tempDir("aborted"), signal: controller.signal }).catch((caught: unknown) => caught))).toBe(true);
  });
});
