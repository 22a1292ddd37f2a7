/**
 * The idle timer behind auto-lock, and the lock listeners. Timers are injectable; by default the
 * global setTimeout is looked up at each call, so vitest's fake timers drive it too.
 */
import { createLog } from "../log";
import { VaultError } from "./errors";

const log = createLog("vault");

export type LockReason = "manual" | "idle" | "suspend" | "screen_lock" | "quit";
export type LockListener = (event: { reason: LockReason }) => void;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = globalThis.setTimeout(callback, ms);
    (handle as { unref?: () => void }).unref?.(); // an unlocked vault must not keep a process alive
    return handle;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

const MAX_TIMEOUT_MS = 2_147_483_647; // setTimeout fires at once beyond this

export function checkIdleMs(ms: number | null): number | null {
  if (ms !== null && (!Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMEOUT_MS)) {
    throw new VaultError("invalid_input", "The idle lock time must be a positive number of milliseconds (at most about 24 days), or null for never.");
  }
  return ms;
}

export class IdleTimer {
  #handle: unknown = null;
  #ms: number | null;
  readonly #timers: Timers;
  readonly #onIdle: () => void;

  constructor(ms: number | null, onIdle: () => void, timers: Timers = globalTimers) {
    this.#ms = checkIdleMs(ms);
    this.#onIdle = onIdle;
    this.#timers = timers;
  }

  get ms(): number | null {
    return this.#ms;
  }

  /** (Re)starts the countdown; no-op when auto-lock is off. */
  restart(): void {
    this.stop();
    if (this.#ms === null) return;
    this.#handle = this.#timers.setTimeout(() => {
      this.#handle = null;
      this.#onIdle();
    }, this.#ms);
  }

  stop(): void {
    if (this.#handle !== null) this.#timers.clearTimeout(this.#handle);
    this.#handle = null;
  }

  /** Changes the timeout; the countdown restarts when `running`. */
  set(ms: number | null, running: boolean): void {
    this.#ms = checkIdleMs(ms);
    if (running) this.restart();
    else this.stop();
  }
}

export class LockListeners {
  readonly #listeners = new Set<LockListener>();

  add(listener: LockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(reason: LockReason): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ reason });
      } catch (error) {
        // One broken listener must not keep the others from hearing that the vault locked.
        log.unexpected("a lock listener threw", error);
      }
    }
  }
}
