/**
 * Verifies a bundle file fast, in bounded memory: the file streams through a ring of shared memory
 * slots; this thread hashes each block for the signature as it arrives (the signature member, found
 * first near the end, is left out), then hands ranges of whole events to worker threads that check
 * their canonical form and hash chain in place. The bytes after the events (inventory and header)
 * are kept and parsed here, then the ranges are stitched (each range's first prevHash is the
 * previous range's last hash). Only a bundle valid in every respect is answered from here: anything
 * else is verified again, from the file, by the sequential verifier, which says what is wrong.
 */
import { createHash, type Hash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { GENESIS_HASH } from "../../../shared/audit-chain";
import { BUNDLE_OPENING, EVENT_BOUNDARY, EVENTS_END, SIGNATURE_WINDOW, locateSignature } from "./bundle-layout";
import type { RangeCheck } from "./event-scanner";
import { verificationResult, type BundleVerification } from "./result";
import { scanPool } from "./scan-workers";
import type { VerifyOptions } from "./sequential";
import { signatureMatches } from "./signature";
import { readTail } from "./tail";

export interface ParallelOptions extends VerifyOptions {
  workers: number;
  /** Bytes read at a time (a slot holds up to twice this: an event cut by the block's end is carried over). */
  blockBytes: number;
  /** About how many bytes of events each worker task checks. */
  rangeBytes: number;
}

interface Slot {
  bytes: Buffer;
  /** Ranges of this slot still being checked: the slot is reused once they are done. */
  busy: Promise<unknown>[];
}

/** Hashes [from, to) of the file, held at `bytes[at]`, leaving out the signature member [skip.start, skip.end). */
function hashPart(hash: Hash, bytes: Buffer, at: number, from: number, to: number, skip: { start: number; end: number }): void {
  const cut = (a: number, b: number) => {
    if (b > a) hash.update(bytes.subarray(at + a - from, at + b - from));
  };
  cut(from, Math.min(to, skip.start));
  cut(Math.max(from, skip.end), to);
}

/** The verification when the bundle is valid; null when it needs the sequential verifier's diagnosis. */
export async function verifyValidFast(handle: FileHandle, size: number, options: ParallelOptions): Promise<BundleVerification | null> {
  if (size <= BUNDLE_OPENING.length) return null;
  const windowStart = Math.max(0, size - SIGNATURE_WINDOW);
  const window = Buffer.alloc(size - windowStart);
  await handle.read(window, 0, window.length, windowStart);
  const located = locateSignature(window, 0);
  if (!located) return null;
  const signature = { start: windowStart + located.start, end: windowStart + located.end };

  const slotCount = options.workers * 2 + 2;
  const pool = scanPool(options.workers, slotCount, options.blockBytes * 2);
  const turn = await pool.acquire();
  const slots: Slot[] = pool.slots.map((bytes) => ({ bytes, busy: [] }));
  try {
    const hash = createHash("sha256");
    const ranges: Promise<RangeCheck>[] = [];
    let position = 0; // file offset of the next byte to read
    let carry: { slot: Slot; from: number; to: number } | null = null;
    let tail: Buffer | null = null;
    let eventsEnd = -1;
    for (let index = 0; position < size && tail === null; index = (index + 1) % slotCount) {
      const slot = slots[index]!;
      await Promise.all(slot.busy);
      slot.busy = [];
      const dispatch = (from: number, to: number) => {
        const check = pool.scan(index, from, to);
        ranges.push(check);
        slot.busy.push(check);
      };
      // Bytes after the last whole event of the previous block start this one (already hashed, not dispatched).
      const carried: number = carry ? carry.slot.bytes.copy(slot.bytes, 0, carry.from, carry.to) : 0;
      if (carried > options.blockBytes) return null; // an event larger than a block: the sequential verifier reads it
      const base: number = position - carried; // the file offset of slot.bytes[0]
      const { bytesRead } = await handle.read(slot.bytes, carried, Math.min(options.blockBytes, size - position), position);
      if (bytesRead === 0) return null;
      hashPart(hash, slot.bytes, carried, position, position + bytesRead, signature);
      position += bytesRead;
      const filled = carried + bytesRead;
      if (base === 0 && !slot.bytes.subarray(0, BUNDLE_OPENING.length).equals(BUNDLE_OPENING)) return null;
      let next: number = base === 0 ? BUNDLE_OPENING.length : 0;
      // The events end at the first `],"format":…` after them. A false one inside an event makes a
      // range fail, and the sequential verifier decides.
      const endAt = slot.bytes.subarray(next, filled).indexOf(EVENTS_END);
      const limit = endAt >= 0 ? next + endAt : filled;
      // Ranges of about rangeBytes, cut after an event's closing brace.
      while (limit - next > options.rangeBytes) {
        const boundary = slot.bytes.subarray(next, next + options.rangeBytes).lastIndexOf(EVENT_BOUNDARY);
        if (boundary <= 0) break;
        dispatch(next, next + boundary + 1);
        next += boundary + 2;
      }
      if (endAt >= 0) {
        if (limit > next) dispatch(next, limit);
        else if (base + next !== BUNDLE_OPENING.length) return null; // a comma, then the end: not canonical
        eventsEnd = base + limit;
        tail = Buffer.alloc(size - eventsEnd);
        slot.bytes.copy(tail, 0, limit, filled);
        const rest = size - position;
        if (rest > 0) {
          const { bytesRead: more } = await handle.read(tail, filled - limit, rest, position);
          if (more !== rest) return null;
          hashPart(hash, tail, filled - limit, position, size, signature);
        }
      } else {
        const boundary = slot.bytes.subarray(next, filled).lastIndexOf(EVENT_BOUNDARY);
        if (boundary > 0) {
          dispatch(next, next + boundary + 1);
          next += boundary + 2;
        }
        carry = { slot, from: next, to: filled };
      }
    }
    if (tail === null) return null;
    const unsignedSha256 = hash.digest("hex");

    const checked = readTail(tail, 0, { start: signature.start - eventsEnd, end: signature.end - eventsEnd });
    if ("error" in checked) return null;
    const signatureValid = signatureMatches(unsignedSha256, checked.header.signing, checked.signature);
    let expectedSeq = 1;
    let expectedPrev = GENESIS_HASH;
    let events = 0;
    for (const result of await Promise.all(ranges)) {
      if (!result.ok || result.firstSeq !== expectedSeq || result.firstPrevHash !== expectedPrev) return null;
      expectedSeq = result.lastSeq + 1;
      expectedPrev = result.lastHash;
      events += result.count;
    }
    const { head } = checked.header;
    if (head.seq !== expectedSeq - 1 || head.hash !== expectedPrev || !signatureValid) return null;
    return verificationResult({ header: checked.header, events, chainProblem: null, signatureValid, hints: [], expectedFingerprint: options.expectedFingerprint });
  } finally {
    // Ranges still running after an early answer must finish before the next verification fills the slots.
    void Promise.allSettled(slots.flatMap((slot) => slot.busy)).then(() => turn.release());
  }
}
