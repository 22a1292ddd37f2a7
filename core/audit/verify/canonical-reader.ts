/*
 * Reads canonical JSON (RFC 8785) straight from bytes and refuses anything else: member order and
 * repeats, whitespace, string escapes (only those JSON.stringify writes), control characters,
 * UTF-8, and numbers in their shortest ECMAScript form. It builds no value: each function answers
 * the position after what it read, or -1 with the offset and reason kept for the caller.
 *
 * Self-contained on purpose: worker threads run it from its source text (scan-workers.ts), so it
 * may use nothing but JavaScript's globals.
 */

export type CanonicalReader = ReturnType<typeof createCanonicalReader>;

export function createCanonicalReader() {
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  const COMMA = 0x2c;
  const COLON = 0x3a;
  const OPEN_BRACE = 0x7b;
  const CLOSE_BRACE = 0x7d;
  const OPEN_BRACKET = 0x5b;
  const CLOSE_BRACKET = 0x5d;
  const MAX_DEPTH = 200;
  // 1 for the bytes a string holds as themselves (printable ASCII but the quote and backslash): the fast loop.
  const plain = new Uint8Array(256);
  for (let c = 0x20; c < 0x80; c++) plain[c] = c === QUOTE || c === BACKSLASH ? 0 : 1;
  const hexValue = new Int8Array(256).fill(-1);
  for (let i = 0; i < 16; i++) hexValue["0123456789abcdef".charCodeAt(i)] = i;
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const TRUE = ascii("true");
  const FALSE = ascii("false");
  const NULL = ascii("null");
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  let b: Uint8Array = new Uint8Array(0);
  let limit = 0;
  let errorAt = 0;
  let errorMessage = "";
  /** Whether the last string read held only printable ASCII, no escape: its bytes compare as its UTF-16 units. */
  let simple = true;

  const fail = (at: number, message: string): number => {
    errorAt = at;
    errorMessage = message;
    return -1;
  };
  const byteAt = (p: number): number => (p < limit ? b[p]! : -1);
  const text = (from: number, to: number): string => utf8.decode(b.subarray(from, to));

  function literal(p: number, expected: Uint8Array, what: string): number {
    const bytes = b;
    const length = expected.length;
    if (p + length > limit) return fail(p, `the events end early: expected ${what}`);
    for (let i = 0; i < length; i++) if (bytes[p + i] !== expected[i]) return fail(p, `expected ${what}`);
    return p + length;
  }

  function string(p: number): number {
    const bytes = b;
    const table = plain;
    if (p >= limit || bytes[p] !== QUOTE) return fail(p, "expected a string");
    p++;
    // Printable ASCII first, in a tight loop. Reading past the range is harmless (the buffer goes
    // on, or bytes[p] is undefined and ends the loop): the check right after catches it.
    let c = bytes[p]!;
    while (table[c] === 1) c = bytes[++p]!;
    if (c === QUOTE && p < limit) {
      simple = true;
      return p + 1;
    }
    return stringRest(p);
  }

  /** The rest of a string from its first byte that is not printable ASCII: escapes, UTF-8, the end. */
  function stringRest(p: number): number {
    let afterHighSurrogate = false;
    simple = true;
    for (;;) {
      if (plain[b[p]!] === 1) {
        while (plain[b[++p]!] === 1);
        afterHighSurrogate = false;
      }
      if (p >= limit) return fail(p, "a string does not end");
      const c = b[p]!;
      if (c === QUOTE) return p + 1;
      simple = false;
      if (c === BACKSLASH) {
        const e = byteAt(p + 1);
        if (e === 0x75) {
          if (p + 6 > limit) return fail(p, "a \\u escape is cut off");
          const h1 = hexValue[b[p + 2]!]!, h2 = hexValue[b[p + 3]!]!, h3 = hexValue[b[p + 4]!]!, h4 = hexValue[b[p + 5]!]!;
          if ((h1 | h2 | h3 | h4) < 0) return fail(p, "a \\u escape must have four lowercase hex digits");
          const unit = (h1 << 12) | (h2 << 8) | (h3 << 4) | h4;
          if (unit >= 0xdc00 && unit <= 0xdfff && afterHighSurrogate) return fail(p, "a surrogate pair must be written as the character itself");
          const lone = unit >= 0xd800 && unit <= 0xdfff;
          if (!lone && (unit >= 0x20 || unit === 8 || unit === 9 || unit === 10 || unit === 12 || unit === 13)) {
            return fail(p, "a character is escaped that canonical JSON writes as itself or with a short escape");
          }
          afterHighSurrogate = unit >= 0xd800 && unit <= 0xdbff;
          p += 6;
          continue;
        }
        if (e === QUOTE || e === BACKSLASH || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          afterHighSurrogate = false;
          p += 2;
          continue;
        }
        return fail(p, "an escape that canonical JSON does not use");
      }
      afterHighSurrogate = false;
      if (c < 0x20) return fail(p, "a control character that is not escaped");
      if (c < 0x80) {
        p++;
        continue;
      }
      let extra = 1;
      let low = 0x80;
      let high = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) extra = 1;
      else if (c === 0xe0) {
        extra = 2;
        low = 0xa0;
      } else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) extra = 2;
      else if (c === 0xed) {
        extra = 2;
        high = 0x9f;
      } else if (c === 0xf0) {
        extra = 3;
        low = 0x90;
      } else if (c >= 0xf1 && c <= 0xf3) extra = 3;
      else if (c === 0xf4) {
        extra = 3;
        high = 0x8f;
      } else return fail(p, "bytes that are not UTF-8");
      if (p + extra >= limit) return fail(p, "bytes that are not UTF-8");
      const c2 = b[p + 1]!;
      if (c2 < low || c2 > high) return fail(p, "bytes that are not UTF-8");
      for (let k = 2; k <= extra; k++) if ((b[p + k]! & 0xc0) !== 0x80) return fail(p, "bytes that are not UTF-8");
      p += extra + 1;
    }
  }

  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

  function number(p: number): number {
    const start = p;
    let plain = true;
    if (byteAt(p) === 0x2d) p++;
    const first = byteAt(p);
    if (first === 0x30) p++;
    else if (first >= 0x31 && first <= 0x39) while (isDigit(byteAt(++p)));
    else return fail(start, "expected a value");
    if (byteAt(p) === 0x2e) {
      plain = false;
      if (!isDigit(byteAt(++p))) return fail(p, "a number has no digits after its point");
      while (isDigit(byteAt(++p)));
    }
    const e = byteAt(p);
    if (e === 0x65 || e === 0x45) {
      plain = false;
      const sign = byteAt(++p);
      if (sign === 0x2b || sign === 0x2d) p++;
      if (!isDigit(byteAt(p))) return fail(p, "a number has no digits in its exponent");
      while (isDigit(byteAt(++p)));
    }
    // Whole numbers of up to 15 characters are exact doubles written as themselves; "-0" is written "0".
    if (plain && p - start <= 15 && !(b[start] === 0x2d && b[start + 1] === 0x30)) return p;
    const written = String.fromCharCode(...b.subarray(start, p));
    const value = Number(written);
    if (!Number.isFinite(value) || String(value) !== written) return fail(start, `the number ${written} is not in canonical form`);
    return p;
  }

  function object(p: number, depth: number): number {
    if (depth > MAX_DEPTH) return fail(p, "values nested too deeply");
    const bytes = b;
    p++;
    if (p < limit && bytes[p] === CLOSE_BRACE) return p + 1;
    let previous = -1;
    let previousEnd = -1;
    let previousSimple = true;
    for (;;) {
      const nameStart = p;
      p = string(p);
      if (p < 0) return -1;
      const nameSimple = simple;
      if (previous >= 0) {
        let before: boolean;
        if (previousSimple && nameSimple) {
          // Printable ASCII without escapes: byte order is UTF-16 order (the closing quote sorts below every character).
          let i = 1;
          while (bytes[previous + i] === bytes[nameStart + i] && previous + i < previousEnd - 1) i++;
          before = previous + i === previousEnd - 1 ? nameStart + i !== p - 1 : nameStart + i !== p - 1 && bytes[previous + i]! < bytes[nameStart + i]!;
        } else before = (JSON.parse(text(previous, previousEnd)) as string) < (JSON.parse(text(nameStart, p)) as string);
        if (!before) return fail(nameStart, "object members are not in canonical order, or repeat");
      }
      previous = nameStart;
      previousEnd = p;
      previousSimple = nameSimple;
      if (p >= limit || bytes[p] !== COLON) return fail(p, "expected ':'");
      p++;
      p = p < limit && bytes[p] === QUOTE ? string(p) : value(p, depth + 1);
      if (p < 0 || p >= limit) return p < 0 ? -1 : fail(p, "expected ',' or '}'");
      const c = bytes[p];
      if (c === COMMA) p++;
      else if (c === CLOSE_BRACE) return p + 1;
      else return fail(p, "expected ',' or '}'");
    }
  }

  function array(p: number, depth: number): number {
    if (depth > MAX_DEPTH) return fail(p, "values nested too deeply");
    p++;
    if (byteAt(p) === CLOSE_BRACKET) return p + 1;
    for (;;) {
      p = value(p, depth + 1);
      if (p < 0) return -1;
      const c = byteAt(p);
      if (c === COMMA) p++;
      else if (c === CLOSE_BRACKET) return p + 1;
      else return fail(p, "expected ',' or ']'");
    }
  }

  function value(p: number, depth: number): number {
    const c = byteAt(p);
    if (c === QUOTE) return string(p);
    if (c === OPEN_BRACE) return object(p, depth);
    if (c === OPEN_BRACKET) return array(p, depth);
    if (c === 0x74) return literal(p, TRUE, "true");
    if (c === 0x66) return literal(p, FALSE, "false");
    if (c === 0x6e) return literal(p, NULL, "null");
    return number(p);
  }

  return {
    /** Reads `bytes` up to `end` (exclusive) from now on. */
    use(bytes: Uint8Array, end: number): void {
      b = bytes;
      limit = end;
    },
    get errorAt(): number {
      return errorAt;
    },
    get errorMessage(): string {
      return errorMessage;
    },
    fail,
    text,
    string,
    object,
    hexValue,
    ascii,
  };
}
