/**
 * Line and column of offsets in a text read front to back, computed only when asked: counting
 * every newline of every file would cost more than finding the credentials.
 * Columns count UTF-16 code units (SARIF's default `columnKind`), both 1-based.
 */
export type UnitKind = "utf8" | "single";

export interface Position {
  line: number;
  column: number;
}

export class LineTracker {
  /** Absolute offset up to which lines and columns are counted. */
  at = 0;
  private line = 1;
  private column = 0;

  /** `single`: each byte is one code unit (UTF-16 text transcoded to one byte per unit). */
  constructor(
    private readonly units: UnitKind,
    startColumn = 0,
  ) {
    this.column = startColumn;
  }

  /**
   * Counts up to absolute offset `target` in `buf`, which holds the absolute offsets
   * `[bufStart, bufStart + buf.length)`; `at` must already lie inside it.
   */
  advance(buf: Buffer, bufStart: number, target: number): void {
    let from = this.at - bufStart;
    const to = target - bufStart;
    let newline = buf.indexOf(10, from);
    let lastNewline = -1;
    while (newline !== -1 && newline < to) {
      this.line++;
      lastNewline = newline;
      newline = buf.indexOf(10, newline + 1);
    }
    if (lastNewline !== -1) {
      this.column = 0;
      from = lastNewline + 1;
    }
    this.column += this.units === "single" ? to - from : utf16Units(buf, from, to);
    this.at = target;
  }

  position(buf: Buffer, bufStart: number, target: number): Position {
    this.advance(buf, bufStart, target);
    return { line: this.line, column: this.column + 1 };
  }
}

/** UTF-16 code units of UTF-8 bytes: each non-continuation byte is one, a 4-byte sequence two. */
function utf16Units(buf: Buffer, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const byte = buf[i]!;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}
