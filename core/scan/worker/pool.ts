/**
 * The scan's worker threads: requests go to the least busy worker; answers come back as promises.
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
import type { BlobEntry, BlobsAnswer, FilesAnswer, WorkerAnswer, WorkerRequest, WorkerSetup } from "./protocol";

export interface ScanPool {
  /** Worker threads; 0 when requests run in the calling thread. */
  readonly threads: number;
  readonly warning: string | null;
  /** Requests sent and not answered yet. */
  readonly pending: number;
  files(paths: string[]): Promise<FilesAnswer>;
  blobs(data: ArrayBuffer, entries: BlobEntry[]): Promise<BlobsAnswer>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Default: every core the machine offers. 0 runs everything in the calling thread. */
  threads?: number;
  /** The compiled worker (see worker-url.ts); default: found or built from the sources. */
  workerUrl?: URL | string;
  signal?: AbortSignal;
}


interface Waiting {
  resolve(answer: WorkerAnswer): void;
  reject(error: unknown): void;
}

export async function openScanPool(setup: WorkerSetup, options: PoolOptions = {}): Promise<ScanPool> {
  const threads = options.threads ?? os.availableParallelism();
  if (threads <= 0) return new InThreadPool(setup, null);
  try {
    const workers = await startWorkers(setup, threads, await scanWorkerUrl(options.workerUrl), options.signal);
    return new ThreadPool(workers, options.signal);
  } catch (error) {
    if (options.signal?.aborted) throw cancelled();
    const why = error instanceof Error ? error.message : String(error);
    return new InThreadPool(setup, `Scan workers could not start (${why}); scanning on one core.`);
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
  private readonly onAbort = () => this.fail(cancelled());

  constructor(
    private readonly workers: Worker[],
    private readonly signal: AbortSignal | undefined,
  ) {
    this.waiting = workers.map(() => new Map());
    workers.forEach((worker, index) => {
      worker.on("message", (answer: WorkerAnswer) => {
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

  blobs(data: ArrayBuffer, entries: BlobEntry[]): Promise<BlobsAnswer> {
    return this.send({ type: "blobs", batch: this.nextBatch++, data, entries }, [data]) as Promise<BlobsAnswer>;
  }

  private send(request: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.waiting[i]!.size < this.waiting[target]!.size) target = i;
    return new Promise((resolve, reject) => {
      this.waiting[target]!.set(request.batch, { resolve, reject });
      this.workers[target]!.postMessage(request, transfer);
    });
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error;
    for (const worker of this.workers) void worker.terminate();
    for (const map of this.waiting) {
      for (const waiting of map.values()) waiting.reject(error);
      map.clear();
    }
  }

  async close(): Promise<void> {
    this.signal?.removeEventListener("abort", this.onAbort);
    this.failure ??= new Error("The scan pool is closed.");
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The same requests in the calling thread, one per event-loop turn so progress and cancel still run. */
class InThreadPool implements ScanPool {
  readonly threads = 0;
  pending = 0;
  private readonly runner: BatchRunner;

  constructor(
    setup: WorkerSetup,
    readonly warning: string | null,
  ) {
    this.runner = new BatchRunner(setup);
  }

  files(paths: string[]): Promise<FilesAnswer> {
    return this.later(() => this.runner.files({ type: "files", batch: 0, paths }));
  }

  blobs(data: ArrayBuffer, entries: BlobEntry[]): Promise<BlobsAnswer> {
    return this.later(() => this.runner.blobs({ type: "blobs", batch: 0, data, entries }));
  }

  private later<T>(work: () => T): Promise<T> {
    this.pending++;
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        this.pending--;
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      }),
    );
  }

  async close(): Promise<void> {}
}
