/**
 * What verifying an audit bundle found, in one shape for every verifier: valid, or the problems in
 * plain words with the values behind them (the event's seq and position, what was expected and
 * what was found), and the summary a person reads first.
 */
import type { ChainHead, SigningKeyInfo } from "../../../shared/api/schemas";
import type { ReviewVerification } from "../../../shared/domain/review";

export type ChainProblemKind = "missing" | "altered" | "inserted" | "out_of_order" | "broken_link" | "head_mismatch";

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The event the problem is about (for head_mismatch: the signed head's seq). */
  seq: number;
  /** Its place in the file's events array, from 1 (0 when none, e.g. events missing at the end). */
  position: number;
  expected: string;
  found: string;
  message: string;
}

export type BundleProblem =
  | { kind: "malformed"; message: string; offset: number | null }
  | ChainProblem
  | { kind: "signature_mismatch"; message: string; chainIntact: boolean; hints: string[] }
  | { kind: "unexpected_signer"; message: string; expected: string; found: string };

export interface BundleHeader {
  workspaceId: string;
  workspaceName: string;
  serverVersion: string;
  generatedAt: string;
  head: ChainHead;
  signing: SigningKeyInfo;
  keyCount: number;
}

export interface BundleVerification {
  valid: boolean;
  /** The one paragraph to show first. */
  summary: string;
  problems: BundleProblem[];
  /** Null when the file could not be read as a bundle. */
  header: BundleHeader | null;
  events: number;
  chainIntact: boolean;
  signatureValid: boolean;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

export interface VerificationParts {
  header: BundleHeader;
  events: number;
  chainProblem: ChainProblem | null;
  signatureValid: boolean;
  hints: string[];
  expectedFingerprint?: string | undefined;
}

export function malformedResult(message: string, offset: number | null): BundleVerification {
  return {
    valid: false,
    summary: `Not a valid audit bundle: ${message}${offset !== null ? ` (at byte ${offset})` : ""}. Nothing in it can be trusted.`,
    problems: [{ kind: "malformed", message, offset }],
    header: null,
    events: 0,
    chainIntact: false,
    signatureValid: false,
  };
}

export function verificationResult(parts: VerificationParts): BundleVerification {
  const { header, chainProblem, signatureValid } = parts;
  const problems: BundleProblem[] = [];
  if (chainProblem) problems.push(chainProblem);
  if (!signatureValid) {
    const where = chainProblem
      ? "The event chain is broken too."
      : `The event chain is intact from event 1 to the signed head (event ${header.head.seq}), so the change is elsewhere: in the key inventory, the header or the signature itself.`;
    problems.push({
      kind: "signature_mismatch",
      message: `The signature does not match: the bundle was changed after it was signed, or was not signed by the key it names. ${where}`,
      chainIntact: chainProblem === null,
      hints: parts.hints,
    });
  }
  const fingerprint = header.signing.fingerprint;
  if (parts.expectedFingerprint !== undefined && parts.expectedFingerprint.toLowerCase() !== fingerprint) {
    problems.push({
      kind: "unexpected_signer",
      message: `The bundle is signed by key ${short(fingerprint)}, not by the workspace key you expected (${short(parts.expectedFingerprint)}).`,
      expected: parts.expectedFingerprint.toLowerCase(),
      found: fingerprint,
    });
  }
  const valid = problems.length === 0;
  const summary = valid
    ? `Valid. The signature matches the workspace's signing key (fingerprint ${fingerprint}); all ${parts.events} events chain from event 1 to the signed head (event ${header.head.seq}, hash ${short(header.head.hash)}); the ${header.keyCount} keys are the inventory the server signed on ${header.generatedAt}.` +
      (parts.expectedFingerprint === undefined ? " Compare the fingerprint with the one in the workspace's settings." : "")
    : problems.map((problem) => problem.message).join(" ");
  return { valid, summary, problems, header, events: parts.events, chainIntact: chainProblem === null, signatureValid };
}

/** The verification as a review records it (shared/domain/review.ts). */
export function toReviewVerification(result: BundleVerification): ReviewVerification {
  return {
    valid: result.valid,
    summary: result.summary,
    signingKeyFingerprint: result.header?.signing.fingerprint ?? null,
    chainHead: result.header?.head ?? null,
  };
}
