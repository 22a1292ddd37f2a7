/**
 * What a file's first bytes say about it: UTF-8 (or any ASCII-compatible) text, UTF-16 text
 * (with or without a byte-order mark), or binary. Binary is git's rule: a NUL byte in the first
 * 8000 bytes, unless the NULs sit where UTF-16 puts the high byte of ASCII characters.
 * Works on file contents, secrets included, in the reading thread's own buffers: nothing here
 * keeps, copies out or reports a byte of them.
 */
export type Sniffed = { kind: "text"; bomBytes: number } | { kind: "utf16"; bigEndian: boolean; bomBytes: number } | { kind: "binary" };

export const SNIFF_BYTES = 8000;

export function sniff(head: Buffer): Sniffed {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { kind: "utf16", bigEndian: false, bomBytes: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { kind: "utf16", bigEndian: true, bomBytes: 2 };
  const probe = head.subarray(0, Math.min(head.length, SNIFF_BYTES));
  const utf8Bom = probe.length >= 3 && probe[0] === 0xef && probe[1] === 0xbb && probe[2] === 0xbf ? 3 : 0;
  if (probe.indexOf(0) === -1) return { kind: "text", bomBytes: utf8Bom };
  // ASCII text in UTF-16 has a zero in every other byte: the odd ones (LE) or the even ones (BE).
  const pairs = probe.length >> 1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) zeroEven++;
    if (probe[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02) return { kind: "utf16", bigEndian: false, bomBytes: 0 };
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02) return { kind: "utf16", bigEndian: true, bomBytes: 0 };
  return { kind: "binary" };
}

/**
 * UTF-16 to one byte per code unit: ASCII stays itself, anything else becomes 0xFF (never part of
 * a credential, and counted as one column), so offsets stay code-unit offsets.
 */
export class Utf16Transcoder {
  private pending = -1;

  constructor(private readonly bigEndian: boolean) {}

  /** Transcodes `src`, writing into `dst` from `at`; returns the number of units written. */
  transcode(src: Buffer, dst: Buffer, at: number): number {
    let out = at;
    let i = 0;
    if (this.pending !== -1 && src.length > 0) {
      dst[out++] = this.unit(this.pending, src[0]!);
      this.pending = -1;
      i = 1;
    }
    for (; i + 1 < src.length; i += 2) dst[out++] = this.unit(src[i]!, src[i + 1]!);
    if (i < src.length) this.pending = src[i]!;
    return out - at;
  }

  private unit(first: number, second: number): number {
    const high = this.bigEndian ? first : second;
    const low = this.bigEndian ? second : first;
    return high === 0 && low < 0x80 ? low : 0xff;
  }
}
