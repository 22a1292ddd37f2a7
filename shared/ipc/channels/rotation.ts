/** Rotations in progress: the guide's four steps, kept across restarts without any secret. */
import { z } from "zod";
import { ApiKey, Scope, Whoami } from "../../api/schemas";
import { RotationStep } from "../../domain/rotation-steps";
import { channel, Id, NoInput, Time } from "./common";
import { CreatedKeyView } from "./keys";

/** A rotation in progress as the renderer sees it: ids, names, the step, and whether the new secret is still at hand. */
export const Rotation = z.object({
  oldKeyId: z.string(),
  newKeyId: z.string(),
  workspaceId: z.string(),
  keyName: z.string(),
  description: z.string(),
  scope: Scope,
  previousScope: Scope,
  step: RotationStep,
  startedAt: Time,
  /** When a client other than Keyward first used the new key. */
  verifiedAt: Time.nullable(),
  /** Whether the new key's secret can still be copied or tested (held since it was made, or in the vault). */
  secretAvailable: z.boolean(),
  /** The vault entry that holds the new secret, if any. */
  vaultEntryId: z.string().nullable(),
});
export type Rotation = z.infer<typeof Rotation>;

export const KeyUse = z.object({ at: Time, ip: z.string(), userAgent: z.string() });
export type KeyUse = z.infer<typeof KeyUse>;

export const RotationUsage = z.object({
  /** The integration's first use of the new key (a client other than Keyward), or null. */
  newKeyFirstUse: KeyUse.nullable(),
  /** Clients other than Keyward that used the old key since the rotation started, most recent first. */
  oldKeyUses: z.array(KeyUse.extend({ requests: z.number().int() })),
  /** The old key's last use by anyone other than Keyward, or null. */
  oldKeyLastUse: KeyUse.nullable(),
  verified: z.boolean(),
  checkedAt: Time,
});
export type RotationUsage = z.infer<typeof RotationUsage>;

export const REVOKE_TIMINGS = ["now", "1h", "24h", "7d"] as const;
export const RevokeTiming = z.enum(REVOKE_TIMINGS);
export type RevokeTiming = z.infer<typeof RevokeTiming>;

export const ROTATION_CHANNELS = {
  list: channel(NoInput, z.array(Rotation)),
  /** Step 1: creates the successor (same name; same scope unless `scope` rescopes); its secret is held under `created.handle`. */
  start: channel(z.strictObject({ keyId: Id, scope: Scope.optional() }), z.object({ rotation: Rotation, created: CreatedKeyView })),
  /** Moves to another step, if the state machine allows it (`illegal_transition` otherwise). */
  move: channel(z.strictObject({ oldKeyId: Id, to: RotationStep }), Rotation),
  /** Keeps the new key's secret in the vault, linked to the new key. */
  keepNewKey: channel(z.strictObject({ oldKeyId: Id }), Rotation),
  copyNewKey: channel(z.strictObject({ oldKeyId: Id }), z.object({ clearsAt: Time, seconds: z.number().int() })),
  /** Calls whoami with the new key. */
  testNewKey: channel(z.strictObject({ oldKeyId: Id }), Whoami),
  usage: channel(z.strictObject({ oldKeyId: Id }), RotationUsage),
  /**
   * Step 4: revokes the old key now, or lets it expire after a grace period. Revoking now a key
   * used in the last 10 minutes answers `needs_confirmation` unless `confirmRecentUse`.
   */
  finish: channel(z.strictObject({ oldKeyId: Id, revoke: RevokeTiming, confirmRecentUse: z.boolean().default(false) }), z.object({ oldKey: ApiKey })),
  /** Abandons the rotation; with revokeNewKey the successor is revoked too. */
  cancel: channel(z.strictObject({ oldKeyId: Id, revokeNewKey: z.boolean() }), z.array(Rotation)),
} as const;
