/**
 * The quarterly review: every active key with its findings, a decision per key with a note, and
 * a sign-off. Kept by the desktop app (versioned, resumable) and turned into reports in core/audit.
 * Never holds a secret.
 */
import { z } from "zod";
import { ApiKey } from "../api/schemas";
import { Finding } from "./findings";

const Time = z.iso.datetime({ offset: false });

export const REVIEW_DECISIONS = ["keep", "rotate", "rescope", "revoke"] as const;
export const ReviewDecisionKind = z.enum(REVIEW_DECISIONS);
export type ReviewDecisionKind = z.infer<typeof ReviewDecisionKind>;

export const ReviewDecision = z.object({
  decision: ReviewDecisionKind,
  note: z.string().max(2000),
  decidedAt: Time,
  /** Set when the decision was carried out from the review (rotated, revoked), with what happened. */
  carriedOut: z.object({ at: Time, result: z.string().max(500) }).nullable(),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** What the review is of: a connected workspace, or an audit bundle opened offline. */
export const ReviewSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("workspace"), workspaceId: z.string(), workspaceName: z.string(), url: z.string() }),
  z.object({
    kind: z.literal("bundle"),
    workspaceId: z.string(),
    workspaceName: z.string(),
    fileName: z.string(),
    /** Lowercase hex SHA-256 of the bundle file's bytes, printed on the report. */
    bundleSha256: z.string(),
    generatedAt: Time,
  }),
]);
export type ReviewSource = z.infer<typeof ReviewSource>;

/** How the evidence was verified when the review started (a bundle's signature and chain). */
export const ReviewVerification = z.object({
  valid: z.boolean(),
  summary: z.string(),
  signingKeyFingerprint: z.string().nullable(),
  chainHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type ReviewVerification = z.infer<typeof ReviewVerification>;

export const REVIEW_SCHEMA_VERSION = 1;
export const Review = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  id: z.string(),
  title: z.string().max(200),
  source: ReviewSource,
  verification: ReviewVerification.nullable(),
  startedAt: Time,
  /** The active keys as they were when the review started, and their findings then. */
  keys: z.array(ApiKey),
  findings: z.array(Finding),
  decisions: z.record(z.string(), ReviewDecision),
  signOff: z.object({ reviewer: z.string().trim().min(1).max(200), at: Time }).nullable(),
});
export type Review = z.infer<typeof Review>;
