/*
 * Reads the audit events of a bundle straight from its bytes: checks that each event is in the
 * exact canonical form (canonical-reader.ts) with the v1 members, and hashes it for the chain
 * without building objects. It protects the verifier against a file whose bytes mean something
 * other than what a JSON parser would read. Each event's hash input (prevHash, then the event
 * without its `"hash":"…",` member) is assembled IN PLACE by moving bytes within the buffer, so
 * callers pass bytes they no longer need.
 *
 * Self-contained on purpose: worker threads run it from its source text (scan-workers.ts), so it
 * may use nothing but its parameters and JavaScript's globals.
 */
import type { CanonicalReader } from "./canonical-reader";

/** A range of whole events that is canonical and chained within itself; its ends are stitched by the caller. */
export type RangeCheck = { ok: true; count: number; firstSeq: number; lastSeq: number; firstPrevHash: string; lastHash: string } | { ok: false };

export interface CollectedFacts {
  count: number;
  seqs: Float64Array;
  /** 32 bytes per event: the prevHash written in the event, the hash written in it, and the hash of its content. */
  prevHashes: Uint8Array;
  hashes: Uint8Array;
  computed: Uint8Array;
  created: { seq: number; keyId: string; data: unknown }[];
}

export type CollectResult = { ok: true; facts: CollectedFacts; /** The `]` that closes the events array. */ end: number } | { ok: false; offset: number; message: string };

export type EventScanner = ReturnType<typeof createEventScanner>;

export function createEventScanner(digestHex: (input: Uint8Array) => string, reader: CanonicalReader) {
  const QUOTE = 0x22;
  const COMMA = 0x2c;
  const OPEN_BRACE = 0x7b;
  const CLOSE_BRACE = 0x7d;
  const CLOSE_BRACKET = 0x5d;
  const HASH_MEMBER = 74; // "hash":"<64 hex>",
  const { hexValue, ascii, fail, string, object } = reader;
  const ACTOR = ascii('{"actor":');
  const AT = ascii(',"at":');
  const DATA = ascii(',"data":');
  const HASH = ascii(',"hash":"');
  const KEY_ID = ascii(',"keyId":');
  const PREV = ascii(',"prevHash":"');
  const SEQ = ascii(',"seq":');
  const TYPE = ascii(',"type":');
  const KEY_CREATED = ascii('"key.created"');

  /** Where an event's parts are, once read. */
  interface EventLayout {
    end: number;
    hashMember: number;
    hashAt: number;
    prevAt: number;
    seq: number;
    dataStart: number;
    dataEnd: number;
    keyIdAt: number;
    keyIdEnd: number;
    typeAt: number;
  }
  const layout: EventLayout = { end: 0, hashMember: 0, hashAt: 0, prevAt: 0, seq: 0, dataStart: 0, dataEnd: 0, keyIdAt: -1, keyIdEnd: -1, typeAt: 0 };

  let bytes: Uint8Array = new Uint8Array(0);
  let limit = 0;
  let checkHex = true;

  function same(at: number, expected: Uint8Array, what: string): boolean {
    if (at + expected.length > limit) return fail(at, `the events end early: expected ${what}`) > 0;
    for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return fail(at, `expected ${what}`) > 0;
    return true;
  }

  /** 64 lowercase hex digits and a quote; in check mode the digits are left to the hash comparisons. */
  function hex(at: number, what: string): boolean {
    if (at + 65 > limit || bytes[at + 64] !== QUOTE) return fail(at, `${what} is not 64 lowercase hex digits`) > 0;
    if (checkHex) for (let i = 0; i < 64; i++) if (hexValue[bytes[at + i]!]! < 0) return fail(at, `${what} is not 64 lowercase hex digits`) > 0;
    return true;
  }

  /** Reads one event at `p` of `bytes` (up to `limit`) into `layout`; false, with the reader's error set, when it is not a canonical v1 event. */
  function readEvent(p: number): boolean {
    if (!same(p, ACTOR, 'an event, starting {"actor":')) return false;
    if ((p = string(p + ACTOR.length)) < 0 || !same(p, AT, 'the member "at"')) return false;
    if ((p = string(p + AT.length)) < 0 || !same(p, DATA, 'the member "data"')) return false;
    layout.dataStart = p += DATA.length;
    if (bytes[p] !== OPEN_BRACE) return fail(p, '"data" must be an object') > 0;
    if ((p = object(p, 1)) < 0) return false;
    layout.dataEnd = p;
    layout.hashMember = p + 1;
    if (!same(p, HASH, 'the member "hash"')) return false;
    layout.hashAt = p += HASH.length;
    if (!hex(p, "the hash")) return false;
    p += 65;
    layout.keyIdAt = layout.keyIdEnd = -1;
    if (bytes[p + 2] === 0x6b) {
      if (!same(p, KEY_ID, 'the member "keyId"')) return false;
      layout.keyIdAt = p += KEY_ID.length;
      if ((p = string(p)) < 0) return false;
      layout.keyIdEnd = p;
    }
    if (!same(p, PREV, 'the member "prevHash"')) return false;
    layout.prevAt = p += PREV.length;
    if (!hex(p, "the prevHash") || !same(p + 65, SEQ, 'the member "seq"')) return false;
    p += 65 + SEQ.length;
    const seqAt = p;
    let c = bytes[p]!;
    if (!(c >= 0x31 && c <= 0x39) || p >= limit) return fail(p, "seq must be a whole number from 1") > 0;
    let seq = 0;
    while (c >= 0x30 && c <= 0x39 && p < limit) {
      seq = seq * 10 + (c - 0x30);
      c = bytes[++p]!;
    }
    if (p - seqAt > 15) return fail(seqAt, "seq is too large") > 0;
    layout.seq = seq;
    if (!same(p, TYPE, 'the member "type"')) return false;
    layout.typeAt = p += TYPE.length;
    if ((p = string(p)) < 0) return false;
    if (p >= limit || bytes[p] !== CLOSE_BRACE) return fail(p, 'an event has a member after "type" (or is not closed)') > 0;
    layout.end = p + 1;
    return true;
  }

  /** Moves the event's bytes into its hash input (prevHash first, no hash member) and hashes it. */
  function digestInPlace(eventStart: number): string {
    bytes.copyWithin(eventStart + HASH_MEMBER, eventStart, layout.hashMember);
    bytes.copyWithin(eventStart + HASH_MEMBER - 64, layout.prevAt, layout.prevAt + 64);
    return digestHex(bytes.subarray(eventStart + HASH_MEMBER - 64, layout.end));
  }

  /**
   * Checks a range of whole events, [start, end), as a worker does: canonical, seq +1 each, each
   * prevHash the previous hash, each hash its content's. Any problem ends it with { ok: false }
   * and no reason: the sequential verifier rereads the file with collectEvents and names it.
   */
  function checkRange(input: Uint8Array, start: number, end: number): RangeCheck {
    bytes = new Uint8Array(input.buffer, input.byteOffset, input.length);
    limit = end;
    checkHex = false;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as Buffer & { latin1Slice(start: number, end: number): string };
    reader.use(bytes, end);
    let p = start;
    let count = 0;
    let firstSeq = 0;
    let lastSeq = 0;
    let firstPrevHash = "";
    let lastHash = "";
    for (;;) {
      if (!readEvent(p)) return { ok: false };
      const prevHash = text.latin1Slice(layout.prevAt, layout.prevAt + 64);
      if (count === 0) {
        firstSeq = layout.seq;
        firstPrevHash = prevHash;
      } else if (layout.seq !== lastSeq + 1 || prevHash !== lastHash) return { ok: false };
      const stored = text.latin1Slice(layout.hashAt, layout.hashAt + 64);
      if (digestInPlace(p) !== stored) return { ok: false };
      lastHash = stored;
      lastSeq = layout.seq;
      count++;
      p = layout.end;
      if (p === end) return { ok: true, count, firstSeq, lastSeq, firstPrevHash, lastHash };
      if (bytes[p] !== COMMA) return { ok: false };
      p++;
    }
  }

  function grow<T extends Uint8Array | Float64Array>(array: T, size: number, make: (n: number) => T): T {
    if (array.length >= size) return array;
    const bigger = make(Math.max(size, array.length * 2));
    bigger.set(array);
    return bigger;
  }

  /** Packs the 64 hex characters at bytes[at] into 32 bytes at into[to]. */
  function pack(from: Uint8Array, at: number, into: Uint8Array, to: number): void {
    for (let i = 0; i < 32; i++) into[to + i] = (hexValue[from[at + 2 * i]!]! << 4) | hexValue[from[at + 2 * i + 1]!]!;
  }

  /**
   * Reads every event from `start` to the `]` that closes the events array, strictly, recording
   * each one's seq, prevHash, written hash and content hash (for the diagnosis of a broken chain)
   * and the data of key.created events (for inventory hints). Stops at the first malformed byte.
   */
  function collectEvents(input: Uint8Array, start: number): CollectResult {
    bytes = new Uint8Array(input.buffer, input.byteOffset, input.length);
    limit = bytes.length;
    checkHex = true;
    reader.use(bytes, limit);
    const failure = (): CollectResult => ({ ok: false, offset: reader.errorAt, message: reader.errorMessage });
    let seqs = new Float64Array(1024);
    let prevHashes = new Uint8Array(32 * 1024);
    let hashes = new Uint8Array(32 * 1024);
    let computed = new Uint8Array(32 * 1024);
    const created: CollectedFacts["created"] = [];
    const digestBytes = new Uint8Array(64);
    let count = 0;
    let p = start;
    if (bytes[p] !== CLOSE_BRACKET)
      for (;;) {
        if (!readEvent(p)) return failure();
        seqs = grow(seqs, count + 1, (n) => new Float64Array(n));
        prevHashes = grow(prevHashes, (count + 1) * 32, (n) => new Uint8Array(n));
        hashes = grow(hashes, (count + 1) * 32, (n) => new Uint8Array(n));
        computed = grow(computed, (count + 1) * 32, (n) => new Uint8Array(n));
        seqs[count] = layout.seq;
        pack(bytes, layout.prevAt, prevHashes, count * 32);
        pack(bytes, layout.hashAt, hashes, count * 32);
        const { keyIdAt, keyIdEnd, typeAt, dataStart, dataEnd, end } = layout;
        if (keyIdAt >= 0 && typeAt + KEY_CREATED.length === end - 1 && KEY_CREATED.every((c, i) => bytes[typeAt + i] === c)) {
          created.push({ seq: layout.seq, keyId: JSON.parse(reader.text(keyIdAt, keyIdEnd)) as string, data: JSON.parse(reader.text(dataStart, dataEnd)) });
        }
        const digest = digestInPlace(p);
        for (let i = 0; i < 64; i++) digestBytes[i] = digest.charCodeAt(i);
        pack(digestBytes, 0, computed, count * 32);
        count++;
        p = end;
        if (bytes[p] === COMMA) {
          p++;
          continue;
        }
        if (bytes[p] === CLOSE_BRACKET && p < bytes.length) break;
        fail(p, "expected ',' or ']' after an event");
        return failure();
      }
    const facts = { count, seqs: seqs.slice(0, count), prevHashes: prevHashes.slice(0, count * 32), hashes: hashes.slice(0, count * 32), computed: computed.slice(0, count * 32), created };
    return { ok: true, facts, end: p };
  }

  return { checkRange, collectEvents };
}
