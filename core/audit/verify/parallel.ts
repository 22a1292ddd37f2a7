/**
 * Verifies a bundle file fast: the file streams into one SharedArrayBuffer; this thread hashes it
 * for the signature as it arrives (all but the signature member, which sits near the end), and hands
 * ranges of whole events, once hashed, to worker threads that check their canonical form and hash
 * chain in place. The tail (inventory and header) is parsed here meanwhile, then the ranges are
 * stitched (each range's first prevHash is the previous range's last hash). Only a bundle valid in
 * every respect is answered from here: anything else is verified again, from the file, by the
 * sequential verifier, which says exactly what is wrong.
 */
import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { GENESIS_HASH } from "../../../shared/audit-chain";
import { BUNDLE_OPENING, EVENT_BOUNDARY, EVENTS_END, SIGNATURE_WINDOW, locateSignature } from "./bundle-layout";
import { verificationResult, type BundleVerification } from "./result";
import type { RangeCheck } from "./event-scanner";
import { ScanPool } from "./scan-workers";
import type { VerifyOptions } from "./sequential";
import { signatureMatches } from "./signature";
import { readTail } from "./tail";

export interface ParallelOptions extends VerifyOptions {
  workers: number;
  /** Bytes read at a time. */
  blockBytes: number;
  /** About how many bytes of events each worker task checks. */
  rangeBytes: number;
}

/** The verification when the bundle is valid; null when it needs the sequential verifier's diagnosis. */
export async function verifyValidFast(handle: FileHandle, size: number, options: ParallelOptions): Promise<BundleVerification | null> {
  const shared = new SharedArrayBuffer(size);
  const bytes = Buffer.from(shared);
  const pool = new ScanPool(options.workers, shared);
  try {
    const hash = createHash("sha256");
    const hashLimit = Math.max(0, size - SIGNATURE_WINDOW);
    const ranges: Promise<RangeCheck>[] = [];
    let read = 0;
    let hashed = 0;
    let next = BUNDLE_OPENING.length;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, Math.min(options.blockBytes, size - read), read);
      if (bytesRead === 0) return null;
      read += bytesRead;
      if (read < BUNDLE_OPENING.length) continue;
      if (!bytes.subarray(0, BUNDLE_OPENING.length).equals(BUNDLE_OPENING)) return null;
      const upTo = Math.min(read, hashLimit);
      if (upTo > hashed) {
        hash.update(bytes.subarray(hashed, upTo));
        hashed = upTo;
      }
      // Whole events only, and only bytes already hashed: the workers rewrite them as they check.
      while (hashed - next > options.rangeBytes) {
        const boundary = bytes.subarray(next, next + options.rangeBytes).lastIndexOf(EVENT_BOUNDARY);
        const at = boundary > 0 ? boundary : bytes.subarray(next, hashed).indexOf(EVENT_BOUNDARY, 1);
        if (at <= 0) break;
        ranges.push(pool.scan(next, next + at + 1));
        next += at + 2;
      }
    }
    const signature = locateSignature(bytes, hashLimit);
    if (!signature || signature.start < hashed) return null;
    hash.update(bytes.subarray(hashed, signature.start)).update(bytes.subarray(signature.end));
    const unsignedSha256 = hash.digest("hex");
    const end = bytes.subarray(next, signature.start).lastIndexOf(EVENTS_END);
    if (end < 0) return null;
    const eventsEnd = next + end;
    if (eventsEnd > next) ranges.push(pool.scan(next, eventsEnd));
    else if (ranges.length > 0) return null;

    const tail = readTail(bytes, eventsEnd, signature);
    if ("error" in tail) return null;
    const signatureValid = signatureMatches(unsignedSha256, tail.header.signing, tail.signature);
    const results = await Promise.all(ranges);
    let expectedSeq = 1;
    let expectedPrev = GENESIS_HASH;
    let events = 0;
    for (const result of results) {
      if (!result.ok || result.count === 0) return null;
      if (result.firstSeq !== expectedSeq || result.firstPrevHash !== expectedPrev) return null;
      expectedSeq = result.lastSeq + 1;
      expectedPrev = result.lastHash;
      events += result.count;
    }
    const { head } = tail.header;
    if (head.seq !== expectedSeq - 1 || head.hash !== expectedPrev || !signatureValid) return null;
    return verificationResult({ header: tail.header, events, chainProblem: null, signatureValid, hints: [], expectedFingerprint: options.expectedFingerprint });
  } finally {
    await pool.close();
  }
}
