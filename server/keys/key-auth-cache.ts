/**
 * Keeps verified key rows in memory, by credential hash, so authentication costs no database round
 * trip: a hit is answered synchronously. A change made by this process forgets the key before the
 * change is answered (refused on the very next request); a change made by another process reaches
 * here through the key change feed within a second, which also bounds how long the cache is trusted
 * without a successful check. A load that started before a change never stores its stale row (the
 * generation check). Holds hashes only, never a credential.
 */
import type { KeyRow } from "./key-row";
import type { KeyChangeListener } from "./key-change-feed";

const MAX_ENTRIES = 100_000;

export interface CachedKey {
  row: KeyRow;
  /** The stored SHA-256 as bytes, for the constant-time re-check. */
  hash: Buffer;
}

export class KeyAuthCache implements KeyChangeListener {
  private readonly rows = new Map<string, CachedKey>();
  private generation = 0;
  private trustedUntil = 0;

  /** The cached key, if the cache may be trusted now. */
  peek(sha256: string): CachedKey | undefined {
    if (Date.now() > this.trustedUntil) {
      if (this.rows.size > 0) this.forgetAll();
      return undefined;
    }
    return this.rows.get(sha256);
  }

  async load(sha256: string, read: (sha256: string) => Promise<KeyRow | undefined>): Promise<CachedKey | undefined> {
    const startedAt = this.generation;
    const row = await read(sha256);
    if (!row) return undefined;
    const entry: CachedKey = { row, hash: Buffer.from(row.secret_sha256, "hex") };
    if (startedAt === this.generation && Date.now() <= this.trustedUntil) {
      if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
      this.rows.set(sha256, entry);
    }
    return entry;
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
