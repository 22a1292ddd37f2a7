/**
 * The Workspace Keys API's shapes, defined once: the server validates with them, the desktop
 * client checks answers with them, and the OpenAPI document is generated from them.
 * Protects against: a secret in an answer that should not carry one (only CreatedKey and
 * RotatedKey have a `secret`). Does not protect against: a server that logs what it sends.
 */
import { z } from "zod";

export const SCOPES = ["read", "write", "full"] as const;
export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

export const Environment = z.enum(["live", "test"]);
export const KeyStatus = z.enum(["active", "revoked", "expired"]);
export type KeyStatus = z.infer<typeof KeyStatus>;

export const REVOKE_REASONS = ["compromised", "unused", "rotated", "other"] as const;
export const RevokeReason = z.enum(REVOKE_REASONS);
export type RevokeReason = z.infer<typeof RevokeReason>;

const Time = z.iso.datetime({ offset: false }).describe("ISO-8601 UTC time");
const NullableTime = Time.nullable();

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  scope: Scope,
  environment: Environment,
  display: z.string(),
  status: KeyStatus,
  createdAt: Time,
  createdBy: z.string(),
  expiresAt: NullableTime,
  revokedAt: NullableTime,
  revokedReason: RevokeReason.nullable(),
  lastUsedAt: NullableTime,
  lastUsedIp: z.string().nullable(),
  lastUsedUserAgent: z.string().nullable(),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  // Keyward's extensions (docs/api.md). Each defaults to null, so a server without them still parses.
  /** The id of the admin token that created the key (`createdBy` is its name). */
  createdByTokenId: z.string().nullable().default(null),
  /** The name of the admin token that revoked the key, and the note given with the reason. */
  revokedBy: z.string().nullable().default(null),
  revokedNote: z.string().nullable().default(null),
  /** The last request refused with this key (revoked, expired, out of scope, wrong kind), and why (an error code). */
  lastRefusedAt: NullableTime.default(null),
  lastRefusedReason: z.string().nullable().default(null),
  /** The last accepted read (GET), write (any other method) and settings call (`/v1/settings`, any method). */
  lastReadAt: NullableTime.default(null),
  lastWriteAt: NullableTime.default(null),
  lastSettingsAt: NullableTime.default(null),
  /** The last accepted use on a UTC day before the day of `lastUsedAt`: how long the key was idle before its latest use. */
  previousUseAt: NullableTime.default(null),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const KEY_NAME_MAX = 100;
export const KEY_DESCRIPTION_MAX = 1000;
export const REVOKE_NOTE_MAX = 1000;
export const KeyName = z.string().trim().min(1, "name must not be empty").max(KEY_NAME_MAX, `name must be at most ${KEY_NAME_MAX} characters`);
export const KeyDescription = z.string().max(KEY_DESCRIPTION_MAX, `description must be at most ${KEY_DESCRIPTION_MAX} characters`);

export const CreateKeyBody = z.strictObject({
  name: KeyName,
  scope: Scope,
  environment: Environment.default("live"),
  description: KeyDescription.default(""),
  expiresAt: Time.nullable().optional(),
});
export type CreateKeyBody = z.input<typeof CreateKeyBody>;

export const CreatedKey = z.object({ key: ApiKey, secret: z.string() });
export type CreatedKey = z.infer<typeof CreatedKey>;

export const RevokeBody = z.strictObject({
  reason: RevokeReason,
  note: z.string().max(REVOKE_NOTE_MAX, `note must be at most ${REVOKE_NOTE_MAX} characters`).optional(),
});
export type RevokeBody = z.infer<typeof RevokeBody>;

/** Keyward's extension: edit a key's labels. Scope, environment and expiry never change in place. */
export const UpdateKeyBody = z
  .strictObject({ name: KeyName.optional(), description: KeyDescription.optional() })
  .refine((body) => body.name !== undefined || body.description !== undefined, "give name, description or both");
export type UpdateKeyBody = z.infer<typeof UpdateKeyBody>;

export const MAX_GRACE_SECONDS = 2_592_000;
export const RotateBody = z.strictObject({
  graceSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS).optional(),
  scope: Scope.optional(),
});
export type RotateBody = z.infer<typeof RotateBody>;

/** Keyward's extension: let a key expire by itself later (the revoke step of a rotation, with a grace period). */
export const ScheduleExpiryBody = z.strictObject({
  graceSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS),
});
export type ScheduleExpiryBody = z.infer<typeof ScheduleExpiryBody>;

export const RotatedKey = z.object({ key: ApiKey, secret: z.string(), previous: ApiKey });
export type RotatedKey = z.infer<typeof RotatedKey>;

/** Query numbers arrive as strings; only plain decimal digits are taken. */
const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min).max(max));

export const ListKeysQuery = z.strictObject({
  status: KeyStatus.optional(),
  limit: QueryInt(1, 1000).optional(),
  cursor: z.string().max(200).optional(),
});

export const KeyList = z.object({ keys: z.array(ApiKey), nextCursor: z.string().nullable() });
export type KeyList = z.infer<typeof KeyList>;

export const UsageQuery = z.strictObject({ days: QueryInt(1, 400).optional() });

export const UsageDay = z.object({
  date: z.string().describe("UTC date, YYYY-MM-DD"),
  requests: z.number().int(),
  denied: z.number().int(),
  reads: z.number().int(),
  writes: z.number().int(),
  /** Keyward's extension: accepted calls to `/v1/settings` (also counted in reads or writes). */
  settings: z.number().int().default(0),
});
export const UsageClient = z.object({
  ip: z.string(),
  userAgent: z.string(),
  firstSeenAt: Time,
  lastSeenAt: Time,
  requests: z.number().int(),
});
/** Refused requests of one key over the range, per reason (an error code such as revoked_key). */
export const UsageRefusal = z.object({ reason: z.string(), count: z.number().int(), lastAt: Time });
export const KeyUsage = z.object({
  daily: z.array(UsageDay),
  clients: z.array(UsageClient),
  /** Keyward's extension. */
  refusals: z.array(UsageRefusal).default([]),
});
export type KeyUsage = z.infer<typeof KeyUsage>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex SHA-256");
export const LookupBody = z.strictObject({ sha256: z.array(Sha256Hex).max(1000, "at most 1000 hashes per lookup") });
export const LookupResult = z.object({ matches: z.array(z.object({ sha256: Sha256Hex, key: ApiKey })) });
export type LookupResult = z.infer<typeof LookupResult>;

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: Time,
  type: z.string(),
  actor: z.string(),
  keyId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const ChainHead = z.object({ seq: z.number().int(), hash: z.string() });
export type ChainHead = z.infer<typeof ChainHead>;
export const AuditEventsQuery = z.strictObject({
  after: QueryInt(0, 2_000_000_000).optional(),
  limit: QueryInt(1, 1000).optional(),
  // Keyward's extensions: one key's events, one type's, and newest first (`before` pages backwards).
  keyId: z.string().min(1).max(100).optional(),
  type: z.string().min(1).max(100).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  before: QueryInt(1, 2_000_000_000).optional(),
});
export const AuditEventList = z.object({ events: z.array(AuditEvent), head: ChainHead });
export type AuditEventList = z.infer<typeof AuditEventList>;

/** Keyward's extension: recent usage of every key at once (what the findings need), from compact rollups. */
export const RecentUsageQuery = z.strictObject({ days: QueryInt(1, 90).optional() });
export const RecentUsage = z.object({
  /** The start of the window: refusals and clients are those seen since. */
  since: Time,
  refusals: z.array(UsageRefusal.extend({ keyId: z.string() })),
  clients: z.array(UsageClient.extend({ keyId: z.string() })),
});
export type RecentUsage = z.infer<typeof RecentUsage>;

/** Keyward's extension: who this workspace is, and the public key that signs its audit bundles. */
export const SigningKeyInfo = z.object({
  algorithm: z.literal("ed25519"),
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string(),
  /** Lowercase hex SHA-256 of the raw public key: what an officer compares out of band. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;
export const WorkspaceInfo = z.object({
  workspaceId: z.string(),
  name: z.string(),
  serverVersion: z.string(),
  signingKey: SigningKeyInfo,
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

/**
 * The signed audit bundle (docs/audit-bundle.md). The file is the canonical JSON (RFC 8785) of this
 * object. `signature` is Ed25519 over the ASCII text `keyward-audit-bundle/v1\n` followed by the
 * lowercase hex SHA-256 of the canonical JSON of the bundle without its `signature` member.
 */
export const AUDIT_BUNDLE_FORMAT = "keyward-audit-bundle";
export const AUDIT_BUNDLE_VERSION = 1;
export const AuditBundle = z.object({
  format: z.literal(AUDIT_BUNDLE_FORMAT),
  version: z.literal(AUDIT_BUNDLE_VERSION),
  workspaceId: z.string(),
  workspaceName: z.string(),
  serverVersion: z.string(),
  generatedAt: Time,
  keys: z.array(ApiKey),
  events: z.array(AuditEvent),
  head: ChainHead,
  signing: SigningKeyInfo,
  /** Ed25519 signature, base64 (64 bytes). */
  signature: z.string(),
});
export type AuditBundle = z.infer<typeof AuditBundle>;

export const Whoami = z.object({ keyId: z.string(), name: z.string(), scope: Scope, environment: Environment });
export type Whoami = z.infer<typeof Whoami>;

export const ERROR_CODES = [
  "invalid_request",
  "missing_credential",
  "malformed_credential",
  "unknown_credential",
  "revoked_key",
  "expired_key",
  "insufficient_scope",
  "wrong_credential_kind",
  "not_found",
  "conflict",
  "rate_limited",
  "internal_error",
  /** 503, with Retry-After: the workspace database is unavailable for a moment (a restart); retry. */
  "unavailable",
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), required: Scope.optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
