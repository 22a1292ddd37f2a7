/**
 * Worker threads that check ranges of events in shared memory slots holding parts of the bundle. They run
 * the event scanner from its source text (a worker cannot import our TypeScript, and the bundled
 * app has no separate worker file), so the reader and the scanner are written to need nothing outside themselves.
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
parentPort.on("message", (task) => {
  let result;
  try {
    result = scanner.checkRange(slots[task.slot], task.start, task.end);
  } catch {
    result = { ok: false };
  }
  parentPort.postMessage({ id: task.id, result });
});`;

interface Pending {
  resolve: (result: RangeCheck) => void;
  reject: (error: Error) => void;
}

export class ScanPool {
  private readonly workers: Worker[];
  private readonly load: number[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number, slots: SharedArrayBuffer[]) {
    this.workers = Array.from({ length: size }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { slots } }));
    this.load = this.workers.map(() => 0);
    this.workers.forEach((worker, index) => {
      worker.on("message", (message: { id: number; result: RangeCheck }) => {
        this.load[index]!--;
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.result);
      });
      worker.on("error", (error) => this.failAll(error));
    });
  }

  /** Checks the events in [start, end) of a slot: bytes already hashed for the signature, which the worker rewrites. */
  scan(slot: number, start: number, end: number): Promise<RangeCheck> {
    const index = this.load.indexOf(Math.min(...this.load));
    this.load[index]!++;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[index]!.postMessage({ id, slot, start, end });
    });
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
