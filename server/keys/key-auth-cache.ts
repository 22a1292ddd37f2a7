/**
 * Keeps verified key rows in memory, by credential hash, so authentication costs no database round
 * trip. A change made by this process forgets the key before the change is answered (refused on the
 * very next request); a change made by another process reaches here through the key change feed
 * within a second, which also bounds how long the cache is trusted without a successful check. A
 * load that started before a change never stores its stale row (the generation check).
 */
import type { KeyRow } from "./key-row";
import type { KeyChangeListener } from "./key-change-feed";

const MAX_ENTRIES = 100_000;

export class KeyAuthCache implements KeyChangeListener {
  private readonly rows = new Map<string, KeyRow>();
  private generation = 0;
  private trustedUntil = 0;

  async get(sha256: string, load: (sha256: string) => Promise<KeyRow | undefined>): Promise<KeyRow | undefined> {
    const trusted = Date.now() <= this.trustedUntil;
    if (trusted) {
      const cached = this.rows.get(sha256);
      if (cached) return cached;
    } else if (this.rows.size > 0) {
      this.forgetAll();
    }
    const startedAt = this.generation;
    const row = await load(sha256);
    if (row && trusted && startedAt === this.generation) {
      if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
      this.rows.set(sha256, row);
    }
    return row;
  }

  forget(sha256: string): void {
    this.generation++;
    this.rows.delete(sha256);
  }

  forgetAll(): void {
    this.generation++;
    this.rows.clear();
  }

  changed(): void {
    this.forgetAll();
  }

  trustUntil(ms: number): void {
    if (ms > this.trustedUntil) this.trustedUntil = ms;
  }

  get size(): number {
    return this.rows.size;
  }
}
