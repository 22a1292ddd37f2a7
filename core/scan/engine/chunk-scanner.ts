/**
 * Scans a text that arrives in chunks, with a fixed buffer: the last bytes of each chunk, where a
 * credential may have been cut in two, are carried to the front of the next one, so a credential
 * split across a read boundary is still found, once. Memory is the buffer, whatever the text's size.
 * Holds no secret: findInBytes hands back hashes and display forms only.
 */
import { ALLOW_LOOKAHEAD, findInBytes, MAX_CREDENTIAL_BYTES, type RawFind } from "../detect/credential-bytes";
import { LineTracker, type Position, type UnitKind } from "./line-tracker";

/**
 * A credential starting in the last OVERLAP bytes may be incomplete, or have its line's allow
 * marker in the next chunk: it waits for the next chunk, so every find is judged on whole bytes.
 */
export const OVERLAP = MAX_CREDENTIAL_BYTES - 1 + ALLOW_LOOKAHEAD;

export interface PlacedFind extends RawFind, Position {}

export interface ScanOutcome {
  finds: PlacedFind[];
  /** Some finds lie past the first chunk of a text whose lines were not counted: line and column are 0. */
  unplaced: boolean;
}

/** Scans one text held whole in memory; finds carry their line and column. */
export function scanBuffer(text: Buffer, units: UnitKind, startColumn = 0): PlacedFind[] {
  const raw: RawFind[] = [];
  findInBytes(text, 0, text.length, raw);
  if (raw.length === 0) return [];
  const tracker = new LineTracker(units, startColumn);
  return raw.map((find) => ({ ...find, ...tracker.position(text, 0, find.offset) }));
}

export class ChunkScanner {
  /** Producers write each chunk at `buffer[writeAt]`, at most `room` bytes, then call commit(). */
  readonly buffer: Buffer;
  private carry = 0;
  private base = 0;
  private tracker: LineTracker;
  private finds: PlacedFind[] = [];
  private unplaced = false;
  private readonly raw: RawFind[] = [];

  /**
   * `countLines`: count every line as chunks go (standard input, which cannot be read twice);
   * otherwise lines are counted only once a text has a find, and a find past the first chunk of a
   * text without an earlier one is left unplaced, for the caller to place by reading again.
   */
  constructor(
    chunkBytes: number,
    private readonly countLines = false,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes + OVERLAP);
    this.tracker = new LineTracker("utf8");
  }

  get writeAt(): number {
    return this.carry;
  }

  get room(): number {
    return this.buffer.length - this.carry;
  }

  /** Starts a new text. `startColumn` -1 makes a UTF-8 byte-order mark count as no column. */
  reset(units: UnitKind, startColumn = 0): void {
    this.carry = 0;
    this.base = 0;
    this.tracker = new LineTracker(units, startColumn);
    this.finds = [];
    this.unplaced = false;
  }

  /** Scans the `written` bytes just put at `writeAt`; `last` when the text ends with them. */
  commit(written: number, last: boolean): void {
    const length = this.carry + written;
    const view = this.buffer.subarray(0, length);
    const limit = last ? length : Math.max(0, length - OVERLAP);
    this.raw.length = 0;
    findInBytes(view, 0, limit, this.raw);
    for (const find of this.raw) {
      const absolute = this.base + find.offset;
      if (this.tracker.at >= this.base) {
        this.finds.push({ ...find, offset: absolute, ...this.tracker.position(view, this.base, absolute) });
      } else {
        this.finds.push({ ...find, offset: absolute, line: 0, column: 0 });
        this.unplaced = true;
      }
    }
    if (last) return;
    // Keep counting lines only where they will be needed; otherwise let the tracker fall behind.
    if ((this.countLines || this.finds.length > 0) && this.tracker.at >= this.base) {
      this.tracker.advance(view, this.base, this.base + limit);
    }
    this.buffer.copyWithin(0, limit, length);
    this.base += limit;
    this.carry = length - limit;
  }

  outcome(): ScanOutcome {
    return { finds: this.finds, unplaced: this.unplaced };
  }
}
