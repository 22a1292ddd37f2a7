/**
 * Audit: the audit log view (the connected workspace's events and this app's own, merged), the
 * chains' verification, audit bundles opened offline, quarterly reviews and their reports, and the
 * workspace's signing-key fingerprint. Never a secret: events, keys and reviews hold ids, names,
 * display forms and hashes only.
 */
import { z } from "zod";
import { ApiKey, AuditEvent, ChainHead } from "../../api/schemas";
import { Finding } from "../../domain/findings";
import { Review, REVIEW_DECISIONS, ReviewSource } from "../../domain/review";
import { channel, Id, NoInput, Time } from "./common";

/** Where an event of the audit log view comes from: the workspace's chain, or this app's local log. */
export const AUDIT_LOG_SOURCES = ["workspace", "app"] as const;
export const AuditLogSource = z.enum(AUDIT_LOG_SOURCES);
export type AuditLogSource = z.infer<typeof AuditLogSource>;

/**
 * The actor this app writes in its local log's events. `keys.events` answers plain events, so a
 * view tells the app's own from the workspace's by it (a workspace's actors are admin tokens,
 * "system" and "server-cli").
 */
export const APP_LOG_ACTOR = "keyward-desktop";

export const AuditLogEntry = AuditEvent.extend({ source: AuditLogSource });
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

const Seq = z.number().int().min(1).max(2_000_000_000);
/** Where the next page starts in each source: below this seq, or null when that source has no more. */
export const AuditLogCursor = z.strictObject({ workspace: Seq.nullable(), app: Seq.nullable() });
export type AuditLogCursor = z.infer<typeof AuditLogCursor>;

const dateRange = <T extends { since?: string | undefined; until?: string | undefined }>(value: T, context: z.RefinementCtx) => {
  if (value.since && value.until && value.since > value.until) context.addIssue({ code: "custom", path: ["until"], message: "The end of the date range is before its start" });
};

export const AuditLogQuery = z
  .strictObject({
    source: z.enum(["all", ...AUDIT_LOG_SOURCES]).default("all"),
    keyId: Id.optional(),
    type: z.string().min(1).max(100).optional(),
    /** Part of the actor, any case ("atk_", "keyward-desktop"). */
    actor: z.string().trim().min(1).max(200).optional(),
    /** Inclusive ISO times. */
    since: Time.optional(),
    until: Time.optional(),
    /** Absent: from the newest event. */
    cursor: AuditLogCursor.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .superRefine(dateRange);
export type AuditLogQuery = z.input<typeof AuditLogQuery>;

export const AuditLogPage = z.object({
  /** Newest first, the two sources merged by time. */
  entries: z.array(AuditLogEntry),
  /** The cursor of the next older page, or null when both sources are read to their start. */
  next: z.object({ workspace: Seq.nullable(), app: Seq.nullable() }).nullable(),
  /** Why the workspace's events are missing from this page (no workspace connected, or it failed), or null. */
  workspaceProblem: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof AuditLogPage>;

/** One thing verifying a bundle found wrong, in words, with the event it is about when it is about one. */
export const BundleProblemView = z.object({
  kind: z.enum(["malformed", "missing", "altered", "inserted", "out_of_order", "broken_link", "head_mismatch", "signature_mismatch", "unexpected_signer"]),
  message: z.string(),
  /** The event's seq, when the problem is about one. */
  seq: z.number().int().nullable(),
  /** Its place in the file's events, from 1, when known. */
  position: z.number().int().nullable(),
  /** For a signature that does not match with an intact chain: the keys that disagree with their events. */
  hints: z.array(z.string()),
});
export type BundleProblemView = z.infer<typeof BundleProblemView>;

export const BundleVerificationView = z.object({
  valid: z.boolean(),
  /** The paragraph to read first. */
  summary: z.string(),
  problems: z.array(BundleProblemView),
  chainIntact: z.boolean(),
  signatureValid: z.boolean(),
  events: z.number().int(),
  /** What the bundle says about itself; null when the file is not a readable bundle. */
  header: z
    .object({
      workspaceId: z.string(),
      workspaceName: z.string(),
      serverVersion: z.string(),
      generatedAt: z.string(),
      head: ChainHead,
      fingerprint: z.string(),
      keyCount: z.number().int(),
    })
    .nullable(),
});
export type BundleVerificationView = z.infer<typeof BundleVerificationView>;

/** The connected workspace's chain, checked by downloading its signed bundle and verifying it. */
export const WorkspaceChainCheck = z.object({
  workspaceName: z.string(),
  checkedAt: Time,
  bytes: z.number().int(),
  verification: BundleVerificationView,
});
export type WorkspaceChainCheck = z.infer<typeof WorkspaceChainCheck>;

/** This app's local audit log, checked line by line. */
export const AppLogCheck = z.object({
  valid: z.boolean(),
  events: z.number().int(),
  summary: z.string(),
  /** The event (seq) or line the first problem is at. */
  problem: z.object({ kind: z.string(), seq: z.number().int().nullable(), line: z.number().int().nullable(), message: z.string() }).nullable(),
  checkedAt: Time,
});
export type AppLogCheck = z.infer<typeof AppLogCheck>;

/** An audit bundle file opened offline: verified first, then (when readable) its inventory and findings. */
export const OpenedBundleView = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  /** Lowercase hex SHA-256 of the file ("" when it could not be read). */
  sha256: z.string(),
  openedAt: Time,
  verification: BundleVerificationView,
  /** Null when the file is not a readable bundle. */
  content: z
    .object({
      workspaceId: z.string(),
      workspaceName: z.string(),
      /** As the bundle says (an altered bundle may say anything). */
      generatedAt: z.string(),
      /** Every key with the API's shape, as the bundle holds them. */
      keys: z.array(ApiKey),
      /** Findings computed from the bundle alone, as of its export time. */
      findings: z.array(Finding),
      eventCount: z.number().int(),
      /** The event types the bundle holds, for the timeline's filter. */
      eventTypes: z.array(z.string()),
    })
    .nullable(),
});
export type OpenedBundleView = z.infer<typeof OpenedBundleView>;

export const BundleEventsQuery = z
  .strictObject({
    keyId: Id.optional(),
    type: z.string().min(1).max(100).optional(),
    since: Time.optional(),
    until: Time.optional(),
    /** Events with a lower seq than this (paging newest first). */
    before: Seq.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .superRefine(dateRange);
export type BundleEventsQuery = z.input<typeof BundleEventsQuery>;
export const BundleEventsPage = z.object({ events: z.array(AuditEvent), next: Seq.nullable() });
export type BundleEventsPage = z.infer<typeof BundleEventsPage>;

/** Made by the app (a random UUID): also the review's file name, so nothing else is accepted. */
export const ReviewId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "That is not a review of this app");

export const ReviewSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: ReviewSource,
  startedAt: Time,
  keys: z.number().int(),
  decided: z.number().int(),
  /** Null for a review of a connected workspace (nothing signed to verify). */
  verified: z.boolean().nullable(),
  signOff: Review.shape.signOff,
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const StartReviewInput = z.strictObject({
  /** The connected workspace's active keys now, or the opened bundle's. */
  of: z.enum(["workspace", "bundle"]),
  title: z.string().trim().min(1, "Give the review a title").max(200, "Use at most 200 characters").optional(),
});
export type StartReviewInput = z.input<typeof StartReviewInput>;

export const DecideInput = z.strictObject({
  reviewId: ReviewId,
  keyId: Id,
  decision: z.enum(REVIEW_DECISIONS, { error: "Choose keep, rotate, rescope or revoke" }),
  note: z.string().trim().max(2000, "Use at most 2,000 characters").default(""),
});
export type DecideInput = z.input<typeof DecideInput>;

export const SignOffInput = z.strictObject({
  reviewId: ReviewId,
  reviewer: z.string().trim().min(1, "Enter the reviewer's name").max(200, "Use at most 200 characters"),
});
export type SignOffInput = z.input<typeof SignOffInput>;

export const REPORT_FORMATS = ["pdf", "csv", "json"] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const SigningKeyView = z.object({
  workspaceName: z.string(),
  /** The workspace's own id (what its bundles carry). */
  workspaceId: z.string(),
  algorithm: z.literal("ed25519"),
  /** Lowercase hex SHA-256 of the raw public key. */
  fingerprint: z.string(),
  publicKey: z.string(),
});
export type SigningKeyView = z.infer<typeof SigningKeyView>;

const ReviewRef = z.strictObject({ reviewId: ReviewId });

export const AUDIT_CHANNELS = {
  /** The audit log view: the workspace's events and this app's, newest first, filtered, a page at a time. */
  log: channel(AuditLogQuery, AuditLogPage),
  /** Downloads the connected workspace's signed bundle and verifies it (progress as `audit.progress`); the file is not kept. */
  verifyWorkspaceChain: channel(NoInput, WorkspaceChainCheck),
  /** Checks this app's local audit log. */
  verifyAppLog: channel(NoInput, AppLogCheck),
  /** Saves the connected workspace's signed bundle where the user chooses, and verifies it; `path` is null when cancelled. */
  saveBundle: channel(NoInput, z.object({ path: z.string().nullable(), verification: BundleVerificationView.nullable() })),
  /** Asks for an audit bundle file and opens it offline: verified first; null when the dialog was cancelled. */
  openBundle: channel(NoInput, OpenedBundleView.nullable()),
  /** The bundle opened now, if any (a reloaded page catches up). */
  bundle: channel(NoInput, OpenedBundleView.nullable()),
  closeBundle: channel(NoInput, z.null()),
  /** The opened bundle's events, newest first, filtered, a page at a time. */
  bundleEvents: channel(BundleEventsQuery, BundleEventsPage),

  /** Every review kept, newest first. */
  reviews: channel(NoInput, z.array(ReviewSummary)),
  startReview: channel(StartReviewInput, Review),
  review: channel(z.strictObject({ id: ReviewId }), Review),
  /** Records (or changes) a key's decision and note; refused once the review is signed off. */
  decide: channel(DecideInput, Review),
  /** Every key must have a decision; the review is read-only afterwards. */
  signOff: channel(SignOffInput, Review),
  /**
   * Marks the rotate, rescope and revoke decisions the connected workspace shows as done (the key
   * revoked, or rotated into a successor, after the decision) as carried out, with what happened.
   */
  refreshCarriedOut: channel(ReviewRef, z.object({ review: Review, changed: z.array(z.string()) })),
  /** Saves the review's report where the user chooses; `path` is null when cancelled. */
  exportReport: channel(ReviewRef.extend({ format: ReportFormat }), z.object({ path: z.string().nullable() })),

  /** The connected workspace's signing key, to compare its fingerprint out of band. */
  signingKey: channel(NoInput, SigningKeyView),
} as const;

export const AUDIT_PROGRESS_PHASES = ["downloading", "verifying", "reading", "findings"] as const;

/** Events audit work sends (verification progress). */
export const AUDIT_EVENTS = {
  /**
   * A long bundle task moved on: the workspace check, a bundle being saved, or one being opened.
   * `bytes` grows while downloading (the total is known only when the server sends it); verifying
   * and reading give the file's size.
   */
  "audit.progress": z.object({
    task: z.enum(["workspace_check", "save_bundle", "open_bundle"]),
    phase: z.enum(AUDIT_PROGRESS_PHASES),
    bytes: z.number().int().min(0),
    totalBytes: z.number().int().min(0).nullable(),
  }),
} as const;
