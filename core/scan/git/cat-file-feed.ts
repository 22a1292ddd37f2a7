/**
 * Reads blobs from `git cat-file --batch` into a small pool of fixed buffers and hands each full
 * buffer to the scan workers; a buffer comes back with its answer and is reused. When every
 * buffer is out, git's output is paused, so memory stays the same whatever the repository's size.
 * Protects against: blob contents (secrets among them) going anywhere but a scan worker; only
 * object ids and sizes are read as text. Does not protect against: memory inspection of this
 * process, whose reused buffers keep old contents until overwritten.
 */
import type { BlobEntry, BlobsAnswer } from "../worker/protocol";
import type { ScanPool } from "../worker/pool";
import { spawnGit, type GitProcess } from "./git";

export class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  private out = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    readonly bufferBytes: number,
    private readonly limit: number,
  ) {}

  /** A buffer of at least `bytes`; larger than the pool's size only for one large blob. */
  take(bytes: number): ArrayBuffer {
    this.out++;
    // Not zero-filled: every byte handed on is first written with blob data.
    if (bytes > this.bufferBytes) return Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer;
    return this.free.pop() ?? (Buffer.allocUnsafeSlow(this.bufferBytes).buffer as ArrayBuffer);
  }

  give(buffer: ArrayBuffer): void {
    this.out--;
    if (buffer.byteLength === this.bufferBytes) this.free.push(buffer);
    if (this.out < this.limit) for (const wake of this.waiters.splice(0)) wake();
  }

  get exhausted(): boolean {
    return this.out >= this.limit;
  }

  /** Calls `wake` once buffers are available again. */
  whenFree(wake: () => void): void {
    if (this.exhausted) this.waiters.push(wake);
    else wake();
  }
}

type State = "header" | "body" | "trailer";

export interface FeedOptions {
  git: string;
  cwd: string;
  buffers: BufferPool;
  pool: ScanPool;
  onAnswer: (answer: BlobsAnswer) => void;
  /** Larger blobs are read past, not scanned, and counted. */
  maxBytes: number;
  onTooLarge: () => void;
  signal: AbortSignal;
  onFailure: (error: Error) => void;
}

export class CatFileFeed {
  private readonly child: GitProcess;
  private state: State = "header";
  private header = "";
  private remaining = 0;
  private blobId = "";
  private target: { data: ArrayBuffer; bytes: Uint8Array; used: number; entries: BlobEntry[] } | null = null;
  private writing: { start: number; keep: boolean } | null = null;
  private outstanding = 0;
  private ended = false;
  private settle: { resolve(): void; reject(error: unknown): void } | null = null;
  readonly done: Promise<void>;

  private readonly buffers: BufferPool;
  private readonly pool: ScanPool;
  private readonly onAnswer: (answer: BlobsAnswer) => void;

  constructor(private readonly options: FeedOptions) {
    ({ buffers: this.buffers, pool: this.pool, onAnswer: this.onAnswer } = options);
    this.child = spawnGit(options.git, ["cat-file", "--batch", "--buffer"], options.cwd, options.signal, options.onFailure);
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.read(chunk);
      if (this.buffers.exhausted) {
        this.child.stdout.pause();
        this.buffers.whenFree(() => this.child.stdout.resume());
      }
    });
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      this.child.stdout.on("end", () => {
        this.dispatch();
        this.ended = true;
        if (this.outstanding === 0) resolve();
      });
      this.child.stdout.on("error", reject);
    });
    // The caller hears of failures through onFailure; this keeps an early rejection unhandled-free.
    this.done.catch(() => {});
  }

  /** Asks for these objects; false when git's input is full (wait for `drain`). */
  request(ids: string[]): boolean {
    return this.child.stdin.write(ids.join("\n") + "\n");
  }

  /** Calls `listener` once git's input has room again, or once git is gone (killed, failed). */
  onDrain(listener: () => void): void {
    let called = false;
    const once = () => {
      if (called) return;
      called = true;
      this.child.stdin.off("drain", once);
      this.child.stdin.off("close", once);
      this.child.off("close", once);
      listener();
    };
    if (this.child.stdin.destroyed) return once();
    this.child.stdin.once("drain", once);
    this.child.stdin.once("close", once);
    this.child.once("close", once);
  }

  end(): void {
    this.child.stdin.end();
  }

  private read(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === "header") {
        const newline = chunk.indexOf(10, at);
        this.header += chunk.toString("latin1", at, newline === -1 ? chunk.length : newline);
        if (newline === -1) return;
        at = newline + 1;
        this.startObject();
      } else if (this.state === "body") {
        const take = Math.min(this.remaining, chunk.length - at);
        if (this.writing?.keep) chunk.copy(this.target!.bytes, this.target!.used, at, at + take);
        if (this.writing?.keep) this.target!.used += take;
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.endObject();
      } else {
        at++; // the newline after each object
        this.state = "header";
      }
    }
  }

  private startObject(): void {
    const [id, type, size] = this.header.split(" ");
    this.header = "";
    if (type === "missing" || size === undefined) return; // an object git does not have: nothing follows
    this.blobId = id!;
    this.remaining = Number(size);
    this.state = "body";
    const keep = type === "blob" && this.remaining <= this.options.maxBytes;
    if (type === "blob" && !keep) this.options.onTooLarge();
    if (keep && (!this.target || this.target.bytes.length - this.target.used < this.remaining)) {
      this.dispatch();
      const data = this.buffers.take(this.remaining);
      this.target = { data, bytes: new Uint8Array(data), used: 0, entries: [] };
    }
    this.writing = { start: this.target?.used ?? 0, keep };
    if (this.remaining === 0) this.endObject();
  }

  private endObject(): void {
    this.state = "trailer";
    if (this.writing?.keep) this.target!.entries.push({ id: this.blobId, start: this.writing.start, end: this.target!.used });
    this.writing = null;
  }

  /** Sends the filled buffer to the workers. */
  private dispatch(): void {
    const target = this.target;
    this.target = null;
    if (!target) return;
    if (target.entries.length === 0) {
      this.buffers.give(target.data);
      return;
    }
    this.outstanding++;
    this.pool.blobs(target.data, target.entries).then(
      (answer) => {
        this.buffers.give(answer.data);
        this.onAnswer(answer);
        if (--this.outstanding === 0 && this.ended) this.settle?.resolve();
      },
      (error: unknown) => this.settle?.reject(error),
    );
  }
}
