/**
 * Drives a blob scan: ids from a source (every blob of the history, or the staged ones) go to
 * `git cat-file` processes, one per worker, so unpacking git's objects (the costly part) also
 * runs on every core. The first failure stops every git process and is what the scan reports.
 */
import { cancelled } from "../cancel";
import type { BlobsAnswer } from "../worker/protocol";
import type { ScanPool } from "../worker/pool";
import { BufferPool, CatFileFeed } from "./cat-file-feed";

export interface BlobScanOptions {
  git: string;
  cwd: string;
  pool: ScanPool;
  onAnswer: (answer: BlobsAnswer) => void;
  /** Larger blobs are not scanned; onTooLarge counts them. */
  maxBytes: number;
  onTooLarge?: () => void;
  signal?: AbortSignal;
  /** Size of each buffer of blobs handed to a worker. */
  bufferBytes?: number;
}

/** Ids a source sends at once, and how many in a row go to the same git process (its delta cache likes neighbours). */
export const ID_BLOCK = 256;

export type SendIds = (ids: string[]) => Promise<void>;

export async function runBlobScan(options: BlobScanOptions, source: (send: SendIds, signal: AbortSignal) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
    stop.abort();
  };
  const onOuterAbort = () => fail(cancelled());
  if (options.signal?.aborted) throw cancelled();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const processes = Math.max(1, options.pool.threads);
  const buffers = new BufferPool(options.bufferBytes ?? 4 << 20, processes * 2 + 1);
  const feeds = Array.from(
    { length: processes },
    () =>
      new CatFileFeed({
        git: options.git,
        cwd: options.cwd,
        buffers,
        pool: options.pool,
        onAnswer: options.onAnswer,
        maxBytes: options.maxBytes,
        onTooLarge: options.onTooLarge ?? (() => {}),
        signal: stop.signal,
        onFailure: fail,
      }),
  );
  let next = 0;
  const send: SendIds = async (ids) => {
    if (failure) throw failure;
    const feed = feeds[next++ % feeds.length]!;
    if (!feed.request(ids)) await new Promise<void>((resolve) => feed.onDrain(resolve));
  };
  try {
    await source(send, stop.signal);
    for (const feed of feeds) feed.end();
    await Promise.all(feeds.map((feed) => feed.done.catch(fail)));
  } catch (error) {
    fail(error);
    for (const feed of feeds) feed.end();
  } finally {
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
  if (failure) throw failure;
}
