/**
 * Drives a blob scan: ids from a source (every blob of the history, or the staged ones) go, in
 * blocks, to the workers, each of which reads them through its own `git cat-file`, so unpacking
 * git's objects (the costly part) runs on every core and no blob crosses threads. A few blocks
 * per worker are in flight at most, so memory stays flat. The first failure stops the scan.
 */
import { cancelled } from "../cancel";
import type { BlobIdsAnswer } from "../worker/protocol";
import type { ScanPool } from "../worker/pool";

export interface BlobScanOptions {
  git: string;
  cwd: string;
  pool: ScanPool;
  onAnswer: (answer: BlobIdsAnswer) => void;
  /** Larger blobs are not scanned (counted as tooLarge in answers). */
  maxBytes: number;
  signal?: AbortSignal;
}

/** Ids sent at once: neighbours in git's listing share delta bases, which one git process caches. */
export const ID_BLOCK = 256;
const BLOCKS_PER_WORKER = 4;

export type SendIds = (ids: string[]) => Promise<void>;

export async function runBlobScan(options: BlobScanOptions, source: (send: SendIds, signal: AbortSignal) => Promise<void>): Promise<void> {
  if (options.signal?.aborted) throw cancelled();
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const { pool } = options;
  const blobSource = { git: options.git, cwd: options.cwd, maxBytes: options.maxBytes };
  const limit = Math.max(1, pool.threads) * BLOCKS_PER_WORKER;
  const inFlight = new Set<Promise<void>>();
  // The first failure of a block (git failed in a worker) is what the scan reports, not the
  // cancellation of the listing it causes.
  let failure: unknown = null;
  const send: SendIds = async (ids) => {
    while (inFlight.size >= limit) await Promise.race(inFlight);
    if (failure) throw failure;
    const job = pool.blobIds(ids, blobSource).then(options.onAnswer);
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    tracked.catch((error: unknown) => {
      failure ??= error;
      stop.abort();
    });
  };
  try {
    await source(send, stop.signal).catch((error: unknown) => {
      throw failure ?? error;
    });
    await Promise.all(inFlight);
    await pool.blobsEnd();
  } finally {
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
}
