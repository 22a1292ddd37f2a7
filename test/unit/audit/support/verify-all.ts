/** Runs every verifier on the same bytes and checks they agree; answers the reference's result. */
import { expect } from "vitest";
import { verifyAuditBundle, verifyBundleBytes, verifyBundleReference, type BundleVerification } from "../../../../core/audit/verify";
import { writeTemp } from "./bundles";

/** Malformed results differ in wording (the fast ones name the byte); everything else must be identical. */
export function comparable(result: BundleVerification): unknown {
  if (result.problems[0]?.kind === "malformed") return { valid: false, kind: "malformed" };
  return result;
}

export async function verifyEveryWay(bytes: Buffer, options: { expectedFingerprint?: string } = {}): Promise<BundleVerification> {
  const reference = verifyBundleReference(bytes, options);
  expect(comparable(verifyBundleBytes(bytes, options))).toEqual(comparable(reference));
  const file = writeTemp(bytes);
  // Tiny ranges and blocks: several workers, several ranges, the signature window reached mid-read.
  expect(comparable(await verifyAuditBundle(file, { ...options, workers: 2, rangeBytes: 700, blockBytes: 1500 }))).toEqual(comparable(reference));
  expect(comparable(await verifyAuditBundle(file, { ...options, workers: 0 }))).toEqual(comparable(reference));
  return reference;
}
