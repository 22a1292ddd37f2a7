/**
 * The folder part of a scan: lists files (see list-files) and keeps the workers busy with batches
 * of them, a few batches ahead at most, so memory stays flat however many files there are. The
 * listing starts while the workers are still starting: the first batches wait for them.
 * A directory that turns up in git's list (a submodule, a nested repository) is listed in turn.
 */
import { cancelled } from "./cancel";
import type { FindingSet } from "./findings";
import type { ProgressMeter } from "./progress";
import { listFiles, type ListingMode } from "./source/list-files";
import type { SkipCounts } from "./types";
import type { FilesAnswer } from "./worker/protocol";
import type { ScanPool } from "./worker/pool";

export interface WorkingTreeOptions {
  root: string;
  noIgnore: boolean;
  git: string;
  /** The pool, possibly still starting. */
  pool: Promise<ScanPool>;
  findings: FindingSet;
  progress: ProgressMeter;
  skipped: SkipCounts;
  signal?: AbortSignal;
  /** Only these files (relative to the root), instead of listing the folder. */
  only?: string[];
}

export const FILE_BATCH = 128;
/** Batches listed ahead while the workers start. */
const EARLY_BATCHES = 32;

export async function scanWorkingTree(options: WorkingTreeOptions): Promise<{ mode: ListingMode; files: number; bytes: number }> {
  const { findings, progress, skipped } = options;
  const totals = { files: 0, bytes: 0 };
  const inFlight = new Set<Promise<void>>();
  let pool: ScanPool | null = null;
  let limit = 2;
  const early: string[][] = [];
  const starting = options.pool.then((started) => {
    pool = started;
    limit = Math.max(2, started.threads * 2);
  });
  starting.catch(() => {});
  const directories: string[] = [];
  let mode: ListingMode = "all";

  const onAnswer = (prefix: string, paths: string[], answer: FilesAnswer) => {
    for (const { index, find } of answer.finds) findings.addWorkingTree(prefix + paths[index], find);
    for (const reason of Object.keys(answer.skipped) as (keyof SkipCounts)[]) skipped[reason] += answer.skipped[reason];
    for (const directory of answer.directories) directories.push(prefix + directory);
    totals.files += answer.scanned;
    totals.bytes += answer.bytes;
    progress.add(answer.scanned, answer.bytes, answer.finds.length);
  };

  const send = async (paths: string[]) => {
    while (inFlight.size >= limit) await Promise.race(inFlight);
    const job = pool!.files(paths).then((answer) => onAnswer("", paths, answer));
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    // A failed batch fails the scan: surfaced by the awaits below.
    tracked.catch(() => {});
  };

  const dispatch = async (prefix: string, batch: string[]) => {
    if (options.signal?.aborted) throw cancelled();
    const paths = prefix ? batch.map((file) => prefix + file) : batch;
    if (!pool && early.length < EARLY_BATCHES) {
      early.push(paths);
      return;
    }
    await flushEarly();
    await send(paths);
  };

  const flushEarly = async () => {
    await starting;
    while (early.length > 0) await send(early.shift()!);
  };

  const list = async (prefix: string) => {
    const folder = prefix ? `${options.root}/${prefix.slice(0, -1)}` : options.root;
    const listing = await listFiles(folder, { noIgnore: options.noIgnore, git: options.git, batchSize: FILE_BATCH, signal: options.signal });
    if (!prefix) mode = listing.mode;
    for await (const batch of listing.batches) await dispatch(prefix, batch);
    skipped.symlink += listing.counts.symlink;
    skipped.special += listing.counts.special;
    skipped.unreadable += listing.counts.unreadable;
  };

  if (options.only) {
    for (let i = 0; i < options.only.length; i += FILE_BATCH) await dispatch("", options.only.slice(i, i + FILE_BATCH));
  } else {
    await list("");
  }
  for (;;) {
    await flushEarly();
    await Promise.all(inFlight);
    const directory = directories.shift();
    if (directory === undefined) break;
    await list(`${directory.replace(/\/$/, "")}/`);
  }
  return { mode, ...totals };
}
