/**
 * Refuses every request from a client address that failed authentication too often: after
 * `maxFailures` failures within one window, the address gets 429 until that window ends. Guards
 * against guessing credentials online; it does not stop an attacker spread over many addresses.
 */
export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
}

interface Window {
  startedAt: number;
  failures: number;
}

export class FailedAuthRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Seconds the address must wait, or 0 when it may go on. */
  retryAfterSeconds(ip: string, now: number): number {
    const window = this.windows.get(ip);
    if (!window) return 0;
    const endsAt = window.startedAt + this.options.windowMs;
    if (now >= endsAt) {
      this.windows.delete(ip);
      return 0;
    }
    return window.failures >= this.options.maxFailures ? Math.ceil((endsAt - now) / 1000) : 0;
  }

  recordFailure(ip: string, now: number): void {
    const window = this.windows.get(ip);
    if (!window || now >= window.startedAt + this.options.windowMs) {
      this.windows.set(ip, { startedAt: now, failures: 1 });
    } else {
      window.failures++;
    }
  }

  /** Forgets windows that ended, so the map stays as small as the set of recent offenders. */
  prune(now: number): void {
    for (const [ip, window] of this.windows) {
      if (now >= window.startedAt + this.options.windowMs) this.windows.delete(ip);
    }
  }
}
