/*
 * Reads the audit events of a bundle straight from its bytes: checks that each event is in the
 * exact canonical form (RFC 8785: member order, no whitespace, string escapes, UTF-8, numbers) with
 * the v1 members, and hashes it for the chain without building objects. It protects the verifier
 * against a file whose bytes mean something other than what a JSON parser would read. Each event's
 * hash input (prevHash, then the event without its `"hash":"…",` member) is assembled IN PLACE by
 * moving bytes within the buffer, so the caller passes bytes it no longer needs.
 *
 * Self-contained on purpose: worker threads run it from its source text (scan-workers.ts), so it
 * may use nothing but its parameter and JavaScript's globals.
 */

export interface RangeOptions {
  /** Record every event's seq and hashes (for diagnosis), and the data of key.created events. */
  collect: boolean;
  /** Stop at the `]` that closes the events array (else the range must end exactly at `limit`). */
  untilBracket: boolean;
}

export interface RangeSuccess {
  ok: true;
  count: number;
  /** Where the range ended: `limit`, or the position of the closing `]`. */
  end: number;
  firstSeq: number;
  lastSeq: number;
  /** Lowercase hex, as in the file; "" when the range had no event. */
  firstPrevHash: string;
  lastHash: string;
  /** Check mode only: the first chain mismatch (seq, link or hash); the diagnosis reruns in collect mode. */
  chainBroken: boolean;
  facts: CollectedFacts | null;
}

export interface RangeFailure {
  ok: false;
  offset: number;
  message: string;
}

export interface CollectedFacts {
  count: number;
  seqs: Float64Array;
  /** 32 bytes per event: the prevHash written in the event, the hash written in it, and the hash of its content. */
  prevHashes: Uint8Array;
  hashes: Uint8Array;
  computed: Uint8Array;
  created: { seq: number; keyId: string; data: unknown }[];
}

export type EventScanner = ReturnType<typeof createEventScanner>;

export function createEventScanner(digestHex: (input: Uint8Array) => string) {
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  const COMMA = 0x2c;
  const COLON = 0x3a;
  const OPEN_BRACE = 0x7b;
  const CLOSE_BRACE = 0x7d;
  const OPEN_BRACKET = 0x5b;
  const CLOSE_BRACKET = 0x5d;
  const MAX_DEPTH = 200;
  const HASH_MEMBER = 74; // "hash":"<64 hex>",
  // 1 for the bytes a string holds as themselves (printable ASCII but the quote and backslash): the fast loop.
  const plain = new Uint8Array(256);
  for (let c = 0x20; c < 0x80; c++) plain[c] = c === QUOTE || c === BACKSLASH ? 0 : 1;
  const hexValue = new Int8Array(256).fill(-1);
  for (let i = 0; i < 16; i++) hexValue["0123456789abcdef".charCodeAt(i)] = i;
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const ACTOR = ascii('{"actor":');
  const AT = ascii(',"at":');
  const DATA = ascii(',"data":');
  const HASH = ascii(',"hash":"');
  const KEY_ID = ascii(',"keyId":');
  const PREV = ascii(',"prevHash":"');
  const SEQ = ascii(',"seq":');
  const TYPE = ascii(',"type":');
  const TRUE = ascii("true");
  const FALSE = ascii("false");
  const NULL = ascii("null");
  const KEY_CREATED = ascii('"key.created"');
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  let b: Uint8Array = new Uint8Array(0);
  let limit = 0;
  let errorAt = 0;
  let errorMessage = "";

  const fail = (at: number, message: string): number => {
    errorAt = at;
    errorMessage = message;
    return -1;
  };
  const byteAt = (p: number): number => (p < limit ? b[p]! : -1);
  const text = (from: number, to: number): string => utf8.decode(b.subarray(from, to));

  function literal(p: number, expected: Uint8Array, what: string): number {
    if (p + expected.length > limit) return fail(p, `the events end early: expected ${what}`);
    for (let i = 0; i < expected.length; i++) if (b[p + i] !== expected[i]) return fail(p, `expected ${what}`);
    return p + expected.length;
  }

  function string(p: number): number {
    if (byteAt(p) !== QUOTE) return fail(p, "expected a string");
    p++;
    let afterHighSurrogate = false;
    for (;;) {
      if (plain[b[p]!] === 1) {
        // Reading past the range is harmless (the buffer goes on, or b[p] is undefined and stops the loop); the check follows.
        while (plain[b[++p]!] === 1);
        afterHighSurrogate = false;
      }
      if (p >= limit) return fail(p, "a string does not end");
      const c = b[p]!;
      if (c === QUOTE) return p + 1;
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

  /** Whether member name [a0, a1) sorts strictly before [b0, b1) by UTF-16 code units (quotes included in both). */
  function sortsBefore(a0: number, a1: number, b0: number, b1: number): boolean {
    let simple = true;
    for (let i = a0; i < a1 && simple; i++) if (b[i]! >= 0x80 || b[i] === BACKSLASH) simple = false;
    for (let i = b0; i < b1 && simple; i++) if (b[i]! >= 0x80 || b[i] === BACKSLASH) simple = false;
    if (!simple) return (JSON.parse(text(a0, a1)) as string) < (JSON.parse(text(b0, b1)) as string);
    const n = Math.min(a1 - a0, b1 - b0) - 1;
    for (let i = 1; i < n; i++) if (b[a0 + i] !== b[b0 + i]) return b[a0 + i]! < b[b0 + i]!;
    return a1 - a0 < b1 - b0;
  }

  function object(p: number, depth: number): number {
    if (depth > MAX_DEPTH) return fail(p, "values nested too deeply");
    p++;
    if (byteAt(p) === CLOSE_BRACE) return p + 1;
    let previous = -1;
    let previousEnd = -1;
    for (;;) {
      const nameStart = p;
      p = string(p);
      if (p < 0) return -1;
      if (previous >= 0 && !sortsBefore(previous, previousEnd, nameStart, p)) return fail(nameStart, "object members are not in canonical order, or repeat");
      previous = nameStart;
      previousEnd = p;
      if (byteAt(p) !== COLON) return fail(p, "expected ':'");
      p = value(p + 1, depth + 1);
      if (p < 0) return -1;
      const c = byteAt(p);
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

  function sameBytes(p: number, expected: Uint8Array): boolean {
    for (let i = 0; i < expected.length; i++) if (b[p + i] !== expected[i]) return false;
    return true;
  }

  /** In check mode the digits are not looked at: each hash must equal a digest or a checked hash, or the range is rescanned in collect mode. */
  function hex64(p: number, what: string, check: boolean): number {
    if (p + 65 > limit) return fail(p, `the events end early: expected ${what}`);
    if (check) for (let i = 0; i < 64; i++) if (hexValue[b[p + i]!]! < 0) return fail(p, `${what} is not 64 lowercase hex digits`);
    if (b[p + 64] !== QUOTE) return fail(p, `${what} is not 64 lowercase hex digits`);
    return p + 65;
  }

  function toHex(from: number): string {
    return String.fromCharCode(...b.subarray(from, from + 64));
  }

  /** Packs 64 hex characters into 32 bytes at `into[at]`. */
  function pack(hexAt: (i: number) => number, into: Uint8Array, at: number): void {
    for (let i = 0; i < 32; i++) into[at + i] = (hexValue[hexAt(2 * i)]! << 4) | hexValue[hexAt(2 * i + 1)]!;
  }

  function grow(array: Uint8Array, size: number): Uint8Array {
    if (array.length >= size) return array;
    const bigger = new Uint8Array(Math.max(size, array.length * 2));
    bigger.set(array);
    return bigger;
  }

  /** Scans the events in [start, …): see RangeOptions. */
  function scanRange(bytes: Uint8Array, start: number, end: number, options: RangeOptions): RangeSuccess | RangeFailure {
    // A plain Uint8Array view: subarray() of a Node Buffer makes a Buffer, several times slower to create.
    b = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const view = Buffer.from(b.buffer, b.byteOffset, b.length) as Buffer & { latin1Slice(start: number, end: number): string };
    let lastHashText = "";
    limit = end;
    let p = start;
    let count = 0;
    let firstSeq = 0;
    let lastSeq = 0;
    let firstPrevHash = "";
    let chainBroken = false;
    let last = new Uint8Array(64);
    let stored = new Uint8Array(64);
    let seqs = new Float64Array(options.collect ? 1024 : 0);
    let prevHashes: Uint8Array = new Uint8Array(0);
    let hashes: Uint8Array = new Uint8Array(0);
    let computed: Uint8Array = new Uint8Array(0);
    const created: CollectedFacts["created"] = [];
    const failure = (): RangeFailure => ({ ok: false, offset: errorAt, message: errorMessage });

    if (options.untilBracket && byteAt(p) === CLOSE_BRACKET) end = p;
    else
      for (;;) {
        const eventStart = p;
        p = literal(p, ACTOR, 'an event, starting {"actor":');
        if (p < 0) return failure();
        p = string(p);
        if (p < 0) return failure();
        p = literal(p, AT, 'the member "at"');
        if (p < 0 || (p = string(p)) < 0) return failure();
        p = literal(p, DATA, 'the member "data"');
        if (p < 0) return failure();
        if (byteAt(p) !== OPEN_BRACE) return (fail(p, '"data" must be an object'), failure());
        const dataStart = p;
        p = object(p, 1);
        if (p < 0) return failure();
        const dataEnd = p;
        const hashMember = p + 1;
        p = literal(p, HASH, 'the member "hash"');
        if (p < 0) return failure();
        const hashAt = p;
        if ((p = hex64(p, "the hash", options.collect)) < 0) return failure();
        let keyIdAt = -1;
        let keyIdEnd = -1;
        if (byteAt(p + 2) === 0x6b) {
          p = literal(p, KEY_ID, 'the member "keyId"');
          if (p < 0) return failure();
          keyIdAt = p;
          if ((p = string(p)) < 0) return failure();
          keyIdEnd = p;
        }
        p = literal(p, PREV, 'the member "prevHash"');
        if (p < 0) return failure();
        const prevAt = p;
        if ((p = hex64(p, "the prevHash", options.collect)) < 0) return failure();
        p = literal(p, SEQ, 'the member "seq"');
        if (p < 0) return failure();
        const seqAt = p;
        let seq = 0;
        if (byteAt(p) < 0x31 || byteAt(p) > 0x39) return (fail(p, "seq must be a whole number from 1"), failure());
        while (isDigit(byteAt(p))) seq = seq * 10 + (b[p++]! - 0x30);
        if (p - seqAt > 15) return (fail(seqAt, "seq is too large"), failure());
        p = literal(p, TYPE, 'the member "type"');
        if (p < 0) return failure();
        const typeAt = p;
        if ((p = string(p)) < 0) return failure();
        if (byteAt(p) !== CLOSE_BRACE) return (fail(p, "an event has a member after \"type\" (or is not closed)"), failure());
        const eventEnd = p + 1;

        if (count === 0) {
          firstSeq = seq;
          firstPrevHash = toHex(prevAt);
        } else if (!options.collect) {
          // Check mode: compare as strings (one native slice each), cheaper than byte loops here.
          if (seq !== lastSeq + 1 || view.latin1Slice(prevAt, prevAt + 64) !== lastHashText) chainBroken = true;
        }
        if (options.collect) {
          for (let i = 0; i < 64; i++) stored[i] = b[hashAt + i]!;
          if (seqs.length <= count) {
            const more = new Float64Array(seqs.length * 2);
            more.set(seqs);
            seqs = more;
          }
          seqs[count] = seq;
          prevHashes = grow(prevHashes, (count + 1) * 32);
          hashes = grow(hashes, (count + 1) * 32);
          computed = grow(computed, (count + 1) * 32);
          pack((i) => b[prevAt + i]!, prevHashes, count * 32);
          pack((i) => stored[i]!, hashes, count * 32);
          if (keyIdAt >= 0 && typeAt + KEY_CREATED.length === eventEnd - 1 && sameBytes(typeAt, KEY_CREATED)) {
            created.push({ seq, keyId: JSON.parse(text(keyIdAt, keyIdEnd)) as string, data: JSON.parse(text(dataStart, dataEnd)) });
          }
        }
        const storedText = options.collect ? "" : view.latin1Slice(hashAt, hashAt + 64);
        // The hash input is prevHash followed by the event without `"hash":"…",`: move the bytes
        // before that member right over it, and put prevHash in front of them.
        b.copyWithin(eventStart + HASH_MEMBER, eventStart, hashMember);
        b.copyWithin(eventStart + HASH_MEMBER - 64, prevAt, prevAt + 64);
        const digest = digestHex(b.subarray(eventStart + HASH_MEMBER - 64, eventEnd));
        if (options.collect) pack((i) => digest.charCodeAt(i), computed, count * 32);
        else if (digest !== storedText) chainBroken = true;
        lastHashText = storedText;
        if (options.collect) {
          const swap = last;
          last = stored;
          stored = swap;
        }
        lastSeq = seq;
        count++;

        // In check mode a broken chain ends the scan: the diagnosis rereads every event in collect mode.
        if (chainBroken && !options.collect) break;
        p = eventEnd;
        if (!options.untilBracket && p === end) break;
        const next = byteAt(p);
        if (next === COMMA) {
          p++;
          continue;
        }
        if (options.untilBracket && next === CLOSE_BRACKET) {
          end = p;
          break;
        }
        return (fail(p, options.untilBracket ? "expected ',' or ']' after an event" : "expected ',' after an event"), failure());
      }

    let lastHash = lastHashText;
    if (count > 0 && options.collect) lastHash = String.fromCharCode(...last);
    const facts = options.collect ? { count, seqs: seqs.slice(0, count), prevHashes: prevHashes.slice(0, count * 32), hashes: hashes.slice(0, count * 32), computed: computed.slice(0, count * 32), created } : null;
    return { ok: true, count, end, firstSeq, lastSeq, firstPrevHash, lastHash, chainBroken, facts };
  }

  return { scanRange };
}
