/**
 * Worker threads that check ranges of events in shared memory slots holding parts of the bundle.
 * They run the canonical reader and the event scanner from their source text (a worker cannot
 * import our TypeScript, and the bundled app has no separate worker file), so both are written to
 * need nothing outside themselves. The workers and their shared memory slots are made once and
 * reused by every verification, one at a time (unreferenced while idle, so they never keep the
 * process running): starting threads costs time, and shared memory made and freed per verification
 * has been seen to stall the event loop. A thread that does not start within a few seconds fails
 * the pool, so the caller falls back to one thread instead of waiting forever.
 */
import { Worker } from "node:worker_threads";
import { createCanonicalReader } from "./canonical-reader";
import { createEventScanner, type RangeCheck } from "./event-scanner";

// `__name` is the helper esbuild adds to functions when names are kept (tsx does): the identity here.
const WORKER_SOURCE = `"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const crypto = require("node:crypto");
var __name = (target) => target;
const createCanonicalReader = (${createCanonicalReader.toString()});
const createEventScanner = (${createEventScanner.toString()});
const digest = typeof crypto.hash === "function" ? (view) => crypto.hash("sha256", view, "hex") : (view) => crypto.createHash("sha256").update(view).digest("hex");
const scanner = createEventScanner(digest, createCanonicalReader());
const slots = workerData.slots.map((slot) => new Uint8Array(slot));
parentPort.on("message", (message) => {
  let result;
  try {
    result = scanner.checkRange(slots[message.slot], message.start, message.end);
  } catch {
    result = { ok: false };
  }
  parentPort.postMessage({ id: message.id, result });
});`;

const START_TIMEOUT_MS = 10_000;
/** A pool not used for this long is stopped, and its memory freed. */
const IDLE_MS = 30_000;

interface Pending {
  resolve: (result: RangeCheck) => void;
  reject: (error: Error) => void;
}

class ScanPool {
  private readonly workers: Worker[];
  private readonly online: boolean[];
  private readonly load: number[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** The memory slots the workers read, each `slotBytes` long. */
  readonly slots: Buffer[];
  /** Verifications take the pool in turn. */
  private turn: Promise<void> = Promise.resolve();
  /** Set when a worker failed, stopped or did not start: every task after it fails at once. */
  failure: Error | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    size: number,
    slotCount: number,
    slotBytes: number,
    private readonly key: string,
  ) {
    const memory = Array.from({ length: slotCount }, () => new SharedArrayBuffer(slotBytes));
    this.slots = memory.map((buffer) => Buffer.from(buffer));
    this.workers = Array.from({ length: size }, () => new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { slots: memory } }));
    this.online = this.workers.map(() => false);
    this.load = this.workers.map(() => 0);
    this.workers.forEach((worker, index) => {
      worker.unref();
      worker.on("online", () => (this.online[index] = true));
      worker.on("message", (message: { id: number; result: RangeCheck }) => {
        if (--this.load[index]! === 0) worker.unref();
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.result);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => this.fail(new Error(`A verification worker stopped (exit code ${code}).`)));
    });
    const watchdog = setTimeout(() => {
      if (this.online.includes(false)) this.fail(new Error(`A verification worker did not start within ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    watchdog.unref();
  }

  /** Waits for the pool's turn; the caller must call the answer's `release` when done. */
  async acquire(): Promise<{ release: () => void }> {
    let done!: () => void;
    const previous = this.turn;
    this.turn = new Promise<void>((resolve) => (done = resolve));
    await previous;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const release = () => {
      this.idle = setTimeout(() => this.fail(new Error("The verification workers were idle and stopped.")), IDLE_MS);
      this.idle.unref();
      done();
    };
    return { release };
  }

  /** Checks the events in [start, end) of a slot: bytes already hashed for the signature, which the worker rewrites. */
  scan(slot: number, start: number, end: number): Promise<RangeCheck> {
    if (this.failure) return Promise.reject(this.failure);
    const index = this.load.indexOf(Math.min(...this.load));
    // Referenced while it has work, so the process waits for the answer.
    if (this.load[index]!++ === 0) this.workers[index]!.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[index]!.postMessage({ id, slot, start, end });
    });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    if (this.idle) clearTimeout(this.idle);
    this.failure = error;
    pools.delete(this.key);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const worker of this.workers) void worker.terminate().catch(() => undefined);
  }
}

const pools = new Map<string, ScanPool>();

export type Pool = Pick<ScanPool, "acquire" | "scan" | "slots">;

/** The process's pool of `size` workers with `slotCount` slots of `slotBytes`, made on first use. */
export function scanPool(size: number, slotCount: number, slotBytes: number): Pool {
  const key = `${size}:${slotCount}:${slotBytes}`;
  let pool = pools.get(key);
  if (!pool || pool.failure) {
    pool = new ScanPool(size, slotCount, slotBytes, key);
    pools.set(key, pool);
  }
  return pool;
}
