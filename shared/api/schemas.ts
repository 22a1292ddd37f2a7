/**
 * The Workspace Keys API's shapes, defined once: the server validates with them, the desktop
 * client checks answers with them, and the OpenAPI document is generated from them.
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
});
export type ApiKey = z.infer<typeof ApiKey>;

export const KeyName = z.string().trim().min(1, "name must not be empty").max(100, "name must be at most 100 characters");

export const CreateKeyBody = z.strictObject({
  name: KeyName,
  scope: Scope,
  environment: Environment.default("live"),
  description: z.string().max(1000, "description must be at most 1000 characters").default(""),
  expiresAt: Time.nullable().optional(),
});
export type CreateKeyBody = z.input<typeof CreateKeyBody>;

export const CreatedKey = z.object({ key: ApiKey, secret: z.string() });
export type CreatedKey = z.infer<typeof CreatedKey>;

export const RevokeBody = z.strictObject({
  reason: RevokeReason,
  note: z.string().max(1000, "note must be at most 1000 characters").optional(),
});
export type RevokeBody = z.infer<typeof RevokeBody>;

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
});
export const UsageClient = z.object({
  ip: z.string(),
  userAgent: z.string(),
  firstSeenAt: Time,
  lastSeenAt: Time,
  requests: z.number().int(),
});
export const KeyUsage = z.object({ daily: z.array(UsageDay), clients: z.array(UsageClient) });
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
export const AuditEventsQuery = z.strictObject({
  after: QueryInt(0, 2_000_000_000).optional(),
  limit: QueryInt(1, 1000).optional(),
});
export const AuditEventList = z.object({ events: z.array(AuditEvent), head: ChainHead });
export type AuditEventList = z.infer<typeof AuditEventList>;

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
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), required: Scope.optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
