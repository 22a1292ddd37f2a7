/**
 * The scan's worker threads: requests go to the least busy worker; answers come back as promises.
 * For history, each worker runs its own `git cat-file` (started at its first blob request).
 * Cancelling terminates every worker at once (a worker inside a read stops at its next
 * instruction), and every pending request rejects with the scan's AbortError. Where workers cannot
 * start (a bundle without the worker file), the pool runs requests in the calling thread instead
 * and says so in `warning`.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { cancelled } from "../cancel";
import { BatchRunner } from "./batches";
import { scanWorkerUrl } from "./worker-url";
import { CatFileReader } from "../git/cat-file-reader";
import { GitError } from "../git/git";
import type { BlobIdsAnswer, BlobSource, BlobsEndAnswer, FilesAnswer, WorkerAnswer, WorkerRequest, WorkerSetup } from "./protocol";

export interface ScanPool {
  /** Worker threads; 0 when requests run in the calling thread. */
  readonly threads: number;
  readonly warning: string | null;
  /** Requests sent and not answered yet. */
  readonly pending: number;
  files(paths: string[]): Promise<FilesAnswer>;
  /** Scans these blobs, read by a worker's own git; rejects (a GitError) if git fails. */
  blobIds(ids: string[], source: BlobSource): Promise<BlobIdsAnswer>;
  /** Ends the workers' git processes once they have answered everything; rejects if one failed. */
  blobsEnd(): Promise<void>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Default: every core the machine offers. 0 runs everything in the calling thread. */
  threads?: number;
  /** The compiled worker (see worker-url.ts); default: found or built from the sources. */
  workerUrl?: URL | string;
  signal?: AbortSignal;
}


/** How long a cancelled scan waits for its workers' git processes to exit before terminating the workers. */
const STOP_GRACE_MS = 500;

interface Waiting {
  resolve(answer: WorkerAnswer): void;
  reject(error: unknown): void;
}

export async function openScanPool(setup: WorkerSetup, options: PoolOptions = {}): Promise<ScanPool> {
  const threads = options.threads ?? os.availableParallelism();
  if (threads <= 0) return new InThreadPool(setup, null, options.signal);
  try {
    const workers = await startWorkers(setup, threads, await scanWorkerUrl(options.workerUrl), options.signal);
    return new ThreadPool(workers, options.signal);
  } catch (error) {
    if (options.signal?.aborted) throw cancelled();
    const why = error instanceof Error ? error.message : String(error);
    return new InThreadPool(setup, `Scan workers could not start (${why}); scanning on one core.`, options.signal);
  }
}

function startWorkers(setup: WorkerSetup, count: number, url: URL | string, signal: AbortSignal | undefined): Promise<Worker[]> {
  // No inherited execArgv: a loader the parent runs under (tsx) would slow every worker's start.
  const workers = Array.from({ length: count }, () => new Worker(url, { workerData: setup, execArgv: [] }));
  return new Promise((resolve, reject) => {
    let ready = 0;
    const fail = (error: unknown) => {
      signal?.removeEventListener("abort", onAbort);
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const onAbort = () => fail(cancelled());
    signal?.addEventListener("abort", onAbort, { once: true });
    for (const worker of workers) {
      worker.once("error", fail);
      worker.once("message", () => {
        worker.off("error", fail);
        if (++ready === workers.length) {
          signal?.removeEventListener("abort", onAbort);
          resolve(workers);
        }
      });
    }
  });
}

class ThreadPool implements ScanPool {
  readonly warning = null;
  private readonly waiting: Map<number, Waiting>[];
  private nextBatch = 0;
  private failure: unknown = null;
  private readonly readingBlobs = new Set<number>();
  private stopping: Promise<void> | null = null;
  private readonly onAbort = () => this.fail(cancelled());

  constructor(
    private readonly workers: Worker[],
    private readonly signal: AbortSignal | undefined,
  ) {
    this.waiting = workers.map(() => new Map());
    workers.forEach((worker, index) => {
      worker.on("message", (answer: WorkerAnswer) => {
        if (answer.type === "blob-failed") return this.fail(new GitError(answer.error));
        const waiting = this.waiting[index]!.get(answer.batch);
        this.waiting[index]!.delete(answer.batch);
        waiting?.resolve(answer);
      });
      worker.on("error", (error) => this.fail(new Error(`A scan worker failed: ${error.message}`)));
      worker.on("exit", () => {
        if (this.waiting[index]!.size > 0) this.fail(new Error("A scan worker stopped before answering."));
      });
    });
    signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  get threads(): number {
    return this.workers.length;
  }

  get pending(): number {
    return this.waiting.reduce((sum, map) => sum + map.size, 0);
  }

  files(paths: string[]): Promise<FilesAnswer> {
    return this.send({ type: "files", batch: this.nextBatch++, paths }) as Promise<FilesAnswer>;
  }

  blobIds(ids: string[], source: BlobSource): Promise<BlobIdsAnswer> {
    return this.send({ type: "blob-ids", batch: this.nextBatch++, ids, source }) as Promise<BlobIdsAnswer>;
  }

  async blobsEnd(): Promise<void> {
    if (this.failure) throw this.failure;
    const ends = [...this.readingBlobs].map((index) => this.send({ type: "blob-end", batch: this.nextBatch++ }, index) as Promise<BlobsEndAnswer>);
    this.readingBlobs.clear();
    for (const end of await Promise.all(ends)) if (end.error) throw new GitError(end.error);
  }

  private send(request: WorkerRequest, to?: number): Promise<WorkerAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    let target = to ?? 0;
    if (to === undefined) for (let i = 1; i < this.workers.length; i++) if (this.waiting[i]!.size < this.waiting[target]!.size) target = i;
    if (request.type === "blob-ids") this.readingBlobs.add(target);
    return new Promise((resolve, reject) => {
      this.waiting[target]!.set(request.batch, { resolve, reject });
      this.workers[target]!.postMessage(request);
    });
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error;
    for (const map of this.waiting) {
      for (const waiting of map.values()) waiting.reject(error);
      map.clear();
    }
    this.stopping ??= this.stop();
  }

  /**
   * Asks each worker that runs git to kill it and wait for its exit (a worker terminated first
   * would leave its git unreaped), for a moment at most, then terminates every worker.
   */
  private async stop(): Promise<void> {
    const asked = [...this.readingBlobs].map(
      (index) =>
        new Promise<void>((resolve) => {
          const onMessage = (answer: WorkerAnswer) => answer.type === "stopped" && (this.workers[index]!.off("message", onMessage), resolve());
          this.workers[index]!.on("message", onMessage);
          this.workers[index]!.postMessage({ type: "stop", batch: this.nextBatch++ });
        }),
    );
    this.readingBlobs.clear();
    if (asked.length > 0) await Promise.race([Promise.all(asked), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  async close(): Promise<void> {
    this.signal?.removeEventListener("abort", this.onAbort);
    this.fail(new Error("The scan pool is closed."));
    await this.stopping;
  }
}

/** The same requests in the calling thread, one per event-loop turn so progress and cancel still run. */
class InThreadPool implements ScanPool {
  readonly threads = 0;
  pending = 0;
  private readonly runner: BatchRunner;
  private reader: CatFileReader | null = null;
  private nextBatch = 0;
  private readonly waiting = new Map<number, Waiting>();
  private failure: Error | null = null;

  constructor(
    setup: WorkerSetup,
    readonly warning: string | null,
    private readonly signal?: AbortSignal,
  ) {
    this.runner = new BatchRunner(setup);
  }

  files(paths: string[]): Promise<FilesAnswer> {
    this.pending++;
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        this.pending--;
        try {
          resolve(this.runner.files({ type: "files", batch: 0, paths }));
        } catch (error) {
          reject(error);
        }
      }),
    );
  }

  blobIds(ids: string[], source: BlobSource): Promise<BlobIdsAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    this.reader ??= new CatFileReader(
      source,
      (answer) => {
        this.pending--;
        this.waiting.get(answer.batch)?.resolve(answer);
        this.waiting.delete(answer.batch);
      },
      (error) => {
        this.failure ??= error;
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
      },
      this.signal,
    );
    const batch = this.nextBatch++;
    this.pending++;
    return new Promise((resolve, reject) => {
      this.waiting.set(batch, { resolve: resolve as (answer: WorkerAnswer) => void, reject });
      this.reader!.request(batch, ids);
    });
  }

  async blobsEnd(): Promise<void> {
    const reader = this.reader;
    this.reader = null;
    await reader?.end();
  }

  async close(): Promise<void> {
    await this.blobsEnd().catch(() => {});
  }
}
