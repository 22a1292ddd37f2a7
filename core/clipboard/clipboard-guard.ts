/*
 * Copies secrets to the clipboard and takes them back: after a set time and on quit, but only if
 * the clipboard still holds what Keyward wrote (so a user's later copy is never wiped). Holds only
 * a SHA-256 of what it wrote, never the secret, and compares digests in constant time.
 * Protects against: secrets lingering in the clipboard and its history (the adapter marks them
 * concealed where the OS allows). Does not protect against: another program reading the clipboard
 * while the secret is in it.
 *
 * The clipboard is asynchronous (Electron's clipboard API is promise-based), so every operation
 * is too. A generation number keeps overlapping calls apart: a check that was started before a
 * newer copy never clears, forgets or reports on that newer copy.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface ClipboardAdapter {
  /** Writes text marked as concealed / excluded from clipboard history where the OS allows, in one write. */
  writeSecret(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
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
  /** Bumped by every copy and every forget: an await that comes back to another generation stands down. */
  private generation = 0;

  constructor(
    private readonly adapter: ClipboardAdapter,
    private readonly onChange: (clearsAt: string | null) => void = () => {},
    private readonly timers: ClipboardTimers = realTimers,
  ) {}

  async copy(secret: string, seconds: number): Promise<{ clearsAt: string; seconds: number }> {
    await this.adapter.writeSecret(secret);
    this.generation++;
    this.written = digest(secret);
    this.clearsAt = this.timers.now() + seconds * 1000;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    // A failed timed clear has no caller to tell; the copy stays tracked and the clear on quit tries again.
    this.timer = this.timers.setTimeout(() => void this.clearIfOurs().catch(() => undefined), seconds * 1000);
    const clearsAt = new Date(this.clearsAt).toISOString();
    this.onChange(clearsAt);
    return { clearsAt, seconds };
  }

  /** When the clipboard will be cleared, or null when it holds nothing of ours. */
  async status(): Promise<string | null> {
    if (this.clearsAt === null) return null;
    const generation = this.generation;
    const clearsAt = this.clearsAt;
    const ours = await this.stillOurs();
    if (generation !== this.generation) return this.clearsAt === null ? null : new Date(this.clearsAt).toISOString();
    if (!ours) {
      this.forget();
      return null;
    }
    return new Date(clearsAt).toISOString();
  }

  /**
   * Clears the clipboard if it still holds what we wrote; on quit and when the time is up. When
   * the clipboard cannot be read or cleared, the copy is still tracked, so quitting tries again.
   */
  async clearIfOurs(): Promise<void> {
    const generation = this.generation;
    const hadSomething = this.clearsAt !== null;
    const ours = await this.stillOurs();
    // A copy that landed while we read is not ours to clear or forget.
    if (generation !== this.generation) return;
    if (ours) {
      await this.adapter.clear();
      if (generation !== this.generation) return;
    }
    this.forget();
    if (hadSomething) this.onChange(null);
  }

  private async stillOurs(): Promise<boolean> {
    const written = this.written;
    if (written === null) return false;
    const current = digest(await this.adapter.readText());
    return timingSafeEqual(current, written);
  }

  private forget(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.generation++;
    this.timer = null;
    this.written = null;
    this.clearsAt = null;
  }
}
