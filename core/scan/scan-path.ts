/**
 * scanPath: the scanner's entry for a folder (or one file), and with `history` for every blob of
 * its git repository's history. This is what the desktop's Scan page and `keyward scan` call.
 * Findings carry hashes and display forms only; the secret never leaves the worker that read it.
 */
import fs from "node:fs";
import path from "node:path";
import { cancelled, throwIfCancelled } from "./cancel";
import { FindingSet } from "./findings";
import { runBlobScan } from "./git/blob-scan";
import { mapBlobsToCommits } from "./git/commit-map";
import { GitError, requireGit } from "./git/git";
import { historySource } from "./git/history";
import type { KeyLookup } from "./match";
import { ProgressMeter } from "./progress";
import { settleFindings } from "./settle";
import { repositoryTop } from "./source/list-files";
import { toSlashes } from "./source/gitignore";
import type { ScanProgress, ScanResult, SkipCounts } from "./types";
import { openScanPool, type ScanPool } from "./worker/pool";
import type { WorkerFind } from "./worker/protocol";
import { scanWorkingTree } from "./working-tree";

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export interface ScanOptions {
  /** A folder, or one file. */
  root: string;
  /** Also scan every blob reachable from every ref of the git repository holding `root`. */
  history?: boolean;
  /** Scan the files on disk (default true; false with `history` scans the history alone). */
  workingTree?: boolean;
  /** Read every file, even those .gitignore excludes. */
  noIgnore?: boolean;
  /** Files and blobs larger than this are skipped (default 10 MiB). */
  maxFileBytes?: number;
  /** Cancels the scan: workers and git processes stop, and scanPath rejects with an AbortError. */
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Look findings up in a workspace (WorkspaceClient); without it findings have no `match`. */
  lookup?: KeyLookup;
  /**
   * The caller looks the findings up itself (the desktop, which shows a scan unmatched when the
   * workspace cannot answer): places marked keyward:allow stay in `findings` until the caller,
   * once it knows which are live keys, calls setAsideAllowed.
   */
  matchLater?: boolean;
  /** Worker threads (default: every core; 0 scans in the calling thread). */
  threads?: number;
  /** Read buffer per worker (default 1 MiB); small values are for tests of split credentials. */
  chunkBytes?: number;
  /** The git executable (default "git" on PATH). */
  git?: string;
  /** The compiled worker, for bundled builds (the desktop app); default: the TypeScript sources' entry. */
  workerUrl?: URL | string;
}

const noSkips = (): SkipCounts => ({ binary: 0, too_large: 0, symlink: 0, special: 0, unreadable: 0 });

export async function scanPath(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const { signal } = options;
  throwIfCancelled(signal);
  const git = options.git ?? "git";
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isInteger(maxFileBytes) || maxFileBytes < 1) throw new RangeError("The file size limit must be a whole number of bytes, at least 1.");
  const target = resolveRoot(options.root);
  const { root, only } = target;
  const top = options.history ? repositoryTop(root) : null;
  if (options.history) {
    if (!top) throw new GitError(`${root} is not in a git repository, so it has no history to scan.`);
    await requireGit(git);
  }

  const progress = new ProgressMeter(options.onProgress);
  const findings = new FindingSet();
  const skipped = noSkips();
  // Workers start while the folder is being listed.
  const starting = openScanPool({ root, maxFileBytes, chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES }, { threads: options.threads, workerUrl: options.workerUrl, signal });
  starting.catch(() => {});
  const result: ScanResult = {
    root,
    listing: "none",
    history: Boolean(options.history),
    findings: [],
    allowed: [],
    stats: { files: 0, bytes: 0, blobs: 0, blobBytes: 0, skipped, threads: 0, durationMs: 0 },
    matched: false,
    warnings: [],
  };
  try {
    if (options.workingTree !== false) {
      progress.phase("scanning");
      const tree = await scanWorkingTree({ root, noIgnore: Boolean(options.noIgnore), git, pool: starting, findings, progress, skipped, signal, only });
      result.listing = only ? "all" : tree.mode;
      result.stats.files = tree.files;
      result.stats.bytes = tree.bytes;
    }
    throwIfCancelled(signal);
    const pool = await starting;
    result.stats.threads = pool.threads;
    if (pool.warning) result.warnings.push(pool.warning);
    if (top) await scanHistory({ top, root, git, maxFileBytes, pool, findings, progress, result, signal });
    // The workers are done: free them before waiting on the network.
    await pool.close();
    throwIfCancelled(signal);
    await settleFindings(result, findings, { lookup: options.lookup, signal, progress, matchLater: options.matchLater });
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    throw error;
  } finally {
    await starting.then(
      (pool) => pool.close(),
      () => {},
    );
  }
  throwIfCancelled(signal);
  result.stats.durationMs = Math.round(performance.now() - started);
  progress.phase("done");
  return result;
}

interface HistoryJob {
  top: string;
  root: string;
  git: string;
  maxFileBytes: number;
  pool: ScanPool;
  findings: FindingSet;
  progress: ProgressMeter;
  result: ScanResult;
  signal: AbortSignal | undefined;
}

async function scanHistory({ top, root, git, maxFileBytes, pool, findings, progress, result, signal }: HistoryJob): Promise<void> {
  progress.phase("history");
  const blobFinds = new Map<string, WorkerFind[]>();
  await runBlobScan(
    {
      git,
      cwd: top,
      pool,
      signal,
      maxBytes: maxFileBytes,
      onAnswer: (answer) => {
        for (const { id, find } of answer.finds) {
          const finds = blobFinds.get(id);
          if (finds) finds.push(find);
          else blobFinds.set(id, [find]);
        }
        result.stats.blobs += answer.scanned;
        result.stats.blobBytes += answer.bytes;
        result.stats.skipped.binary += answer.binary;
        result.stats.skipped.too_large += answer.tooLarge;
        progress.add(answer.scanned, answer.bytes, answer.finds.length);
      },
    },
    historySource(git, top, maxFileBytes),
  );
  if (blobFinds.size === 0) return;
  progress.phase("commits");
  const appearances = await mapBlobsToCommits(git, top, new Set(blobFinds.keys()), signal);
  // History paths are the repository's; findings name files relative to the scanned root.
  const rootFromTop = toSlashes(path.relative(top, root));
  for (const [blob, finds] of blobFinds) {
    const seen = (appearances.get(blob) ?? []).map((appearance) => ({ ...appearance, path: rootFromTop ? path.posix.relative(rootFromTop, appearance.path) : appearance.path }));
    for (const find of finds) findings.addHistory(find, seen);
  }
}

/** The folder to scan, with symlinks in its own path resolved; a single file is scanned alone. */
function resolveRoot(given: string): { root: string; only?: string[] } {
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(path.resolve(given));
    stat = fs.statSync(real);
  } catch {
    throw new Error(`Nothing to scan at ${given}: no such file or folder.`);
  }
  if (stat.isDirectory()) return { root: real };
  if (stat.isFile()) return { root: path.dirname(real), only: [path.basename(real)] };
  throw new Error(`${given} is neither a file nor a folder.`);
}
