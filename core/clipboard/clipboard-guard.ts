/*
 * Copies secrets to the clipboard and takes them back: after a set time and on quit, but only if
 * the clipboard still holds what Keyward wrote (so a user's later copy is never wiped). Holds only
 * a SHA-256 of what it wrote, never the secret. Protects against secrets lingering in the
 * clipboard and its history (the adapter marks them concealed where the OS allows); does not
 * protect against another program reading the clipboard while the secret is in it.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface ClipboardAdapter {
  /** Writes text marked as concealed / excluded from clipboard history where the OS allows. */
  writeSecret(text: string): void;
  readText(): string;
  clear(): void;
}

export interface ClipboardTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ClipboardTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export class ClipboardGuard {
  private written: Buffer | null = null;
  private clearsAt: number | null = null;
  private timer: unknown = null;

  constructor(
    private readonly adapter: ClipboardAdapter,
    private readonly onChange: (clearsAt: string | null) => void = () => {},
    private readonly timers: ClipboardTimers = realTimers,
  ) {}

  copy(secret: string, seconds: number): { clearsAt: string; seconds: number } {
    this.adapter.writeSecret(secret);
    this.written = digest(secret);
    this.clearsAt = this.timers.now() + seconds * 1000;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.clearIfOurs(), seconds * 1000);
    const clearsAt = new Date(this.clearsAt).toISOString();
    this.onChange(clearsAt);
    return { clearsAt, seconds };
  }

  /** When the clipboard will be cleared, or null when it holds nothing of ours. */
  status(): string | null {
    if (this.clearsAt === null) return null;
    if (!this.stillOurs()) {
      this.forget();
      return null;
    }
    return new Date(this.clearsAt).toISOString();
  }

  /** Clears the clipboard if it still holds what we wrote; on quit and when the time is up. */
  clearIfOurs(): void {
    if (this.stillOurs()) this.adapter.clear();
    const hadSomething = this.clearsAt !== null;
    this.forget();
    if (hadSomething) this.onChange(null);
  }

  private stillOurs(): boolean {
    if (this.written === null) return false;
    const current = digest(this.adapter.readText());
    return timingSafeEqual(current, this.written);
  }

  private forget(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.written = null;
    this.clearsAt = null;
  }
}
