/**
 * The connected workspace's keys. A new key's secret never crosses here unasked: `create` answers
 * the key (with its display form) and a handle; `secrets.reveal` gives the secret when the user
 * clicks "Show", while its dialog is open.
 * Protects against: a secret crossing unasked (only `secrets.reveal` answers one). Does not
 * protect against: the renderer asking for it while the dialog is open, which is the point.
 */
import { z } from "zod";
import { ApiKey, AuditEvent, Environment, KeyDescription, KeyName, KeyUsage, REVOKE_NOTE_MAX, REVOKE_REASONS, Scope, UpdateKeyBody } from "../../api/schemas";
import { channel, Id, NoInput, Time } from "./common";

export const CreateKeyInput = z.strictObject({
  name: KeyName,
  description: KeyDescription.default(""),
  scope: Scope,
  environment: Environment.default("live"),
  expiresAt: Time.nullable().default(null),
});
export type CreateKeyInput = z.output<typeof CreateKeyInput>;

/** A new key for the one dialog that shows it: `handle` names its secret for reveal, copy and vault. */
export const CreatedKeyView = z.object({ key: ApiKey, handle: z.string() });
export type CreatedKeyView = z.infer<typeof CreatedKeyView>;

export const SecretHandle = z.strictObject({ handle: z.string().min(1).max(100) });

/** Why a key is revoked; "other" needs a note saying what. */
export const RevokeInput = z
  .strictObject({
    reason: z.enum(REVOKE_REASONS, { error: "Choose why the key is revoked" }),
    note: z.string().trim().max(REVOKE_NOTE_MAX, `Use at most ${REVOKE_NOTE_MAX} characters`).default(""),
  })
  .refine((input) => input.reason !== "other" || input.note !== "", { message: "Say why: “Other” needs a note", path: ["note"] });
export type RevokeInput = z.output<typeof RevokeInput>;

export const BulkRevokeResult = z.object({
  revoked: z.array(ApiKey),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
});
export type BulkRevokeResult = z.infer<typeof BulkRevokeResult>;

export const KEY_CHANNELS = {
  list: channel(NoInput, z.array(ApiKey)),
  create: channel(CreateKeyInput, CreatedKeyView),
  /** Closes the reveal: keeps the secret in the vault if asked, then forgets it in the main process. */
  finishReveal: channel(z.strictObject({ handle: z.string().min(1).max(100), keepInVault: z.boolean() }), z.object({ storedInVault: z.boolean() })),
  revoke: channel(z.intersection(z.strictObject({ id: Id }), RevokeInput), ApiKey),
  /** One reason and note for several keys; each is revoked on its own, and failures are listed. */
  revokeMany: channel(z.intersection(z.strictObject({ ids: z.array(Id).min(1).max(1000) }), RevokeInput), BulkRevokeResult),
  update: channel(z.intersection(z.strictObject({ id: Id }), UpdateKeyBody), ApiKey),
  usage: channel(z.strictObject({ id: Id, days: z.number().int().min(1).max(400) }), KeyUsage),
  /** The key's audit events, newest first (the workspace's and, later, this app's own). */
  events: channel(z.strictObject({ id: Id, limit: z.number().int().min(1).max(500).default(50) }), z.array(AuditEvent)),
  /** Saves the given keys (the table's visible rows, in order) as CSV or JSON where the user chooses. */
  export: channel(z.strictObject({ ids: z.array(Id).max(100_000), format: z.enum(["csv", "json"]) }), z.object({ path: z.string().nullable(), count: z.number().int() })),
} as const;

export const SECRET_CHANNELS = {
  /** The secret of a new key, when the user clicks "Show"; refused once its dialog closed, the vault locked, or its time ran out. */
  reveal: channel(SecretHandle, z.object({ secret: z.string() })),
} as const;
