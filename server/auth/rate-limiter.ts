/**
 * Refuses every request from a client that failed authentication too often: after `maxFailures`
 * failures within one window, the client gets 429 until that window ends. A client is an IPv4
 * address or an IPv6 /64 (client-address.ts). Guards against guessing credentials online; it does
 * not stop an attacker spread over many networks. Behind a load balancer the address is the one it
 * forwards, and only from the proxies named in --trust-proxy.
 */
import { rateLimitBucket } from "./client-address";

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

  /** No failure is being counted: every client may go on. */
  isQuiet(): boolean {
    return this.windows.size === 0;
  }

  /** Seconds the client must wait, or 0 when it may go on. */
  retryAfterSeconds(ip: string, now: number): number {
    const bucket = rateLimitBucket(ip);
    const window = this.windows.get(bucket);
    if (!window) return 0;
    const endsAt = window.startedAt + this.options.windowMs;
    if (now >= endsAt) {
      this.windows.delete(bucket);
      return 0;
    }
    return window.failures >= this.options.maxFailures ? Math.ceil((endsAt - now) / 1000) : 0;
  }

  recordFailure(ip: string, now: number): void {
    const bucket = rateLimitBucket(ip);
    const window = this.windows.get(bucket);
    if (!window || now >= window.startedAt + this.options.windowMs) {
      this.windows.set(bucket, { startedAt: now, failures: 1 });
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
