/**
 * Keeps recently used key rows in memory, by credential hash, so authentication does not read the
 * database on every request. Any change to a key forgets it before the change is answered, so a
 * revoked key is refused on the very next request. A load that started before a change never
 * stores its stale row (the generation check).
 */
import type { KeyRow } from "./key-row";

const MAX_ENTRIES = 100_000;

export class KeyAuthCache {
  private readonly rows = new Map<string, KeyRow>();
  private generation = 0;

  async get(sha256: string, load: (sha256: string) => Promise<KeyRow | undefined>): Promise<KeyRow | undefined> {
    const cached = this.rows.get(sha256);
    if (cached) return cached;
    const startedAt = this.generation;
    const row = await load(sha256);
    if (row && startedAt === this.generation) {
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
}
