/**
 * The complete verification of a bundle held in memory, on one thread: the signature's hash over
 * the bytes, every event in collect mode (so a break is diagnosed, not just found), the tail, the
 * chain, the signature, and hints at what changed when only the signature fails. The parallel
 * verifier falls back to this whenever anything is wrong.
 */
import { createHash } from "node:crypto";
import { ChainHead } from "../../../shared/api/schemas";
import { createCanonicalReader } from "./canonical-reader";
import { createEventScanner, type CollectedFacts } from "./event-scanner";
import { BUNDLE_OPENING, locateSignature } from "./bundle-layout";
import { sha256Hex } from "./digest";
import { diagnoseChain, type ChainFacts } from "./diagnose-chain";
import { inventoryHints } from "./inventory-hints";
import { malformedResult, verificationResult, type BundleVerification } from "./result";
import { signatureMatches } from "./signature";
import { readTail } from "./tail";

export interface VerifyOptions {
  /** The workspace's signing key fingerprint, as shown in its settings: any other signer fails verification. */
  expectedFingerprint?: string | undefined;
}

const scanner = createEventScanner(sha256Hex, createCanonicalReader());

const hex = (bytes: Uint8Array, i: number) => Buffer.from(bytes.buffer, bytes.byteOffset + i * 32, 32).toString("hex");

export function factsOf(collected: CollectedFacts): ChainFacts {
  return {
    count: collected.count,
    seq: (i) => collected.seqs[i]!,
    prevHash: (i) => hex(collected.prevHashes, i),
    hash: (i) => hex(collected.hashes, i),
    computed: (i) => hex(collected.computed, i),
  };
}

/** Verifies `bytes`, which it takes over: the events are rewritten in place while they are hashed. */
export function verifyOwnedBytes(bytes: Buffer, options: VerifyOptions = {}): BundleVerification {
  if (!bytes.subarray(0, BUNDLE_OPENING.length).equals(BUNDLE_OPENING)) return malformedResult('it does not start like an audit bundle ({"events":[)', 0);
  const signature = locateSignature(bytes, 0);
  let unsignedSha256 = "";
  if (signature) {
    unsignedSha256 = createHash("sha256").update(bytes.subarray(0, signature.start)).update(bytes.subarray(signature.end)).digest("hex");
  }
  const scan = scanner.collectEvents(bytes, BUNDLE_OPENING.length);
  if (!scan.ok) return malformedResult(`event data is not canonical: ${scan.message}`, scan.offset);
  const tail = readTail(bytes, scan.end, signature);
  if ("error" in tail) return malformedResult(tail.error, tail.offset);
  const { facts } = scan;
  const chainProblem = diagnoseChain(factsOf(facts), ChainHead.parse(tail.header.head));
  const signatureValid = signatureMatches(unsignedSha256, tail.header.signing, tail.signature);
  const hints = !signatureValid && !chainProblem ? inventoryHints(tail.keys, facts.created) : [];
  return verificationResult({ header: tail.header, events: facts.count, chainProblem, signatureValid, hints, expectedFingerprint: options.expectedFingerprint });
}

/** Verifies a copy of `bytes` (the caller's buffer is left as it is). */
export function verifyBundleBytes(bytes: Uint8Array, options: VerifyOptions = {}): BundleVerification {
  return verifyOwnedBytes(Buffer.from(bytes), options);
}
