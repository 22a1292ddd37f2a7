/**
 * `npm run bench -- scan`: the leak scanner's throughput against ripgrep, in the same run, on the
 * same files, warm cache, both free to use every core:
 * - working tree: scanPath on the corpus folder against `rg -uu` with the same regular expression,
 *   the same size limit, no ignore files (the corpus is not a repository), symlinks not followed;
 * - history: scanPath({history}) on the corpus repository against `git log -p --all | rg`.
 * MB/s are the bytes the scanner read (files or unique blobs) over each tool's wall time, so both
 * sides of a ratio share one numerator. Prints `scan-vs-ripgrep-ratio` (working tree) last.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import { scanPath, type ScanResult } from "../core/scan";
import { ensureCorpus } from "./scan-corpus";

const ROUNDS = 7;
const PATTERN = "uo_(?:live|test|adm)_[0-9A-Za-z]{38}";
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function run(command: string, args: string[], shell = false): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = shell ? spawn("sh", ["-c", command], { stdio: ["ignore", "pipe", "inherit"] }) : spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.on("error", reject);
    // rg exits 1 when it finds nothing: still a run.
    child.on("close", (code) => (code === 0 || code === 1 ? resolve({ ms: performance.now() - started, stdout }) : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function timeScan(options: Parameters<typeof scanPath>[0]): Promise<{ ms: number; result: ScanResult }> {
  const started = performance.now();
  const result = await scanPath(options);
  return { ms: performance.now() - started, result };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const best = (values: number[]) => Math.min(...values);
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

function checkFound(result: ScanResult, hashes: string[], what: string): void {
  const found = new Set(result.findings.map((finding) => finding.sha256));
  const missed = hashes.filter((hash) => !found.has(hash)).length;
  if (missed > 0) throw new Error(`${what}: the scan missed ${missed} of ${hashes.length} planted credentials.`);
}

export async function benchScan(): Promise<void> {
  const corpus = ensureCorpus();
  const loadBefore = os.loadavg()[0]!.toFixed(2);
  const rgVersion = (await run("rg", ["--version"])).stdout.split("\n")[0];
  const rgTree = ["-uu", "--no-follow", "--max-filesize", String(MAX_FILE_BYTES), "--count-matches", "--no-messages", "-e", PATTERN, corpus.tree];
  const historyPipe = `git -C '${corpus.repo}' log -p --all | rg --count-matches -e '${PATTERN}'`;

  // Warm-up: the page cache holds the corpus, and the worker code is built, before anything is timed.
  await run("rg", rgTree);
  await timeScan({ root: corpus.tree });
  await timeScan({ root: corpus.repo, history: true, workingTree: false });

  const tree = { ours: [] as number[], rg: [] as number[], bytes: 0, files: 0, rgMatches: 0 };
  const history = { ours: [] as number[], rg: [] as number[], bytes: 0, blobs: 0, rgMatches: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const ours = await timeScan({ root: corpus.tree });
    checkFound(ours.result, corpus.treeHashes, "working tree");
    tree.ours.push(ours.ms);
    tree.bytes = ours.result.stats.bytes;
    tree.files = ours.result.stats.files;
    const rg = await run("rg", rgTree);
    tree.rg.push(rg.ms);
    tree.rgMatches = rg.stdout.split("\n").reduce((sum, line) => sum + (Number(line.slice(line.lastIndexOf(":") + 1)) || 0), 0);

    const oursHistory = await timeScan({ root: corpus.repo, history: true, workingTree: false });
    checkFound(oursHistory.result, corpus.historyHashes, "history");
    history.ours.push(oursHistory.ms);
    history.bytes = oursHistory.result.stats.blobBytes;
    history.blobs = oursHistory.result.stats.blobs;
    const pipe = await run(historyPipe, [], true);
    history.rg.push(pipe.ms);
    history.rgMatches = Number(pipe.stdout.trim()) || 0;
  }

  const treeOurs = median(tree.ours);
  const treeRg = median(tree.rg);
  const historyOurs = median(history.ours);
  const historyRg = median(history.rg);
  const load = os.loadavg()[0]!.toFixed(2);
  console.log(`scan: ${os.availableParallelism()} cores, ${ROUNDS} alternating rounds after a warm-up, medians; ${rgVersion}; load average ${loadBefore} before, ${load} after (other work on the machine slows both sides)`);
  console.log(`working tree: ${tree.files} files, ${(tree.bytes / 1e6).toFixed(1)} MB, ${corpus.treeHashes.length} planted credentials (all found; rg matched ${tree.rgMatches})`);
  const line = (name: string, runs: number[], bytes: number) =>
    `  ${name.padEnd(26)} ${median(runs).toFixed(0)} ms, ${mbps(bytes, median(runs)).toFixed(0)} MB/s (best ${mbps(bytes, best(runs)).toFixed(0)} MB/s; runs ${runs.map((ms) => ms.toFixed(0)).join(", ")} ms)`;
  console.log(line("keyward scan:", tree.ours, tree.bytes));
  console.log(line("rg -uu:", tree.rg, tree.bytes));
  console.log(`history: ${history.blobs} unique blobs, ${(history.bytes / 1e6).toFixed(1)} MB, ${corpus.historyHashes.length} planted credentials (all found; rg matched ${history.rgMatches} diff lines)`);
  console.log(line("keyward scan --history:", history.ours, history.bytes));
  console.log(line("git log -p --all | rg:", history.rg, history.bytes));
  console.log(`history-scan-vs-git-log-rg-ratio: ${(historyRg / historyOurs).toFixed(3)}`);
  console.log(`scan-vs-ripgrep-ratio: ${(treeRg / treeOurs).toFixed(3)}`);
}
