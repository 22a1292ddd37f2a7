/**
 * scanStaged: what a commit would record, for the pre-commit hook (`keyward scan --staged`): the
 * index's version of every staged file, read from git, never from the working tree.
 */
import { throwIfCancelled } from "./cancel";
import { FindingSet } from "./findings";
import { runBlobScan } from "./git/blob-scan";
import { GitError, requireGit, runGit } from "./git/git";
import { stagedBlobs, stagedSource } from "./git/staged";
import type { KeyLookup } from "./match";
import { settleFindings } from "./settle";
import { ProgressMeter } from "./progress";
import { DEFAULT_MAX_FILE_BYTES } from "./scan-path";
import type { ScanProgress, ScanResult } from "./types";
import { openScanPool } from "./worker/pool";
import type { WorkerFind } from "./worker/protocol";

export interface StagedScanOptions {
  /** A folder inside the repository (default: the current directory). */
  cwd?: string;
  git?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  threads?: number;
  workerUrl?: URL | string;
  /** Staged files larger than this are skipped (default 10 MiB, as for folders). */
  maxFileBytes?: number;
  lookup?: KeyLookup;
}

export async function scanStaged(options: StagedScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const git = options.git ?? "git";
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  await requireGit(git);
  const cwd = options.cwd ?? process.cwd();
  const top = (
    await runGit(git, ["rev-parse", "--show-toplevel"], cwd, options.signal).catch(() => {
      throw new GitError(`${cwd} is not in a git repository: --staged scans what git is about to commit.`);
    })
  ).trim();
  const blobs = await stagedBlobs(git, top, options.signal);
  const progress = new ProgressMeter(options.onProgress);
  const findings = new FindingSet();
  const result: ScanResult = {
    root: top,
    listing: "staged",
    history: false,
    findings: [],
    allowed: [],
    stats: { files: 0, bytes: 0, blobs: 0, blobBytes: 0, skipped: { binary: 0, too_large: 0, symlink: 0, special: 0, unreadable: 0 }, threads: 0, durationMs: 0 },
    matched: false,
    warnings: [],
  };
  if (blobs.size > 0) {
    // A commit stages a few files: one worker is plenty, and starts faster than two.
    const pool = await openScanPool({ root: top, maxFileBytes, chunkBytes: 64 * 1024 }, { threads: options.threads ?? (blobs.size > 256 ? undefined : 0), workerUrl: options.workerUrl, signal: options.signal });
    result.stats.threads = pool.threads;
    progress.phase("scanning");
    try {
      await runBlobScan(
        {
          git,
          cwd: top,
          pool,
          signal: options.signal,
          maxBytes: maxFileBytes,
          onAnswer: (answer) => {
            for (const { id, find } of answer.finds) for (const file of blobs.get(id) ?? []) findings.addWorkingTree(file, find satisfies WorkerFind);
            result.stats.files += answer.scanned;
            result.stats.bytes += answer.bytes;
            result.stats.skipped.binary += answer.binary;
            result.stats.skipped.too_large += answer.tooLarge;
            progress.add(answer.scanned, answer.bytes, answer.finds.length);
          },
        },
        stagedSource([...blobs.keys()]),
      );
    } finally {
      await pool.close();
    }
  }
  throwIfCancelled(options.signal);
  await settleFindings(result, findings, { lookup: options.lookup, signal: options.signal, progress });
  result.stats.durationMs = Math.round(performance.now() - started);
  progress.phase("done");
  return result;
}
