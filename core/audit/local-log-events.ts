/**
 * What Keyward's local audit log may record, one strict shape per event type: ids, names, display
 * forms, counts and reasons, never a secret. Every string is also searched for anything shaped
 * like a credential (uo_live_/uo_test_/uo_adm_ and 38 base-62 characters, checksum or not): such an
 * event is refused, so a caller's mistake cannot put a key into the log.
 * Protects against: a secret in the log through a caller's mistake. Does not protect against: a
 * secret in a shape that is not a Keyward credential (a passphrase typed into a note).
 */
import { z } from "zod";
import { RevokeReason, Scope } from "../../shared/api/schemas";
import { FindingKind } from "../../shared/domain/findings";

const id = z.string().min(1).max(200);
const label = z.string().max(500);
const count = z.number().int().min(0);
const workspace = z.string().min(1).max(200).describe("the workspace's name or id, as the app shows it");

export const LOCAL_EVENT_DATA = {
  "vault.created": z.strictObject({ file: label }),
  "vault.unlocked": z.strictObject({ method: z.enum(["passphrase", "keychain"]) }),
  "vault.unlock_failed": z.strictObject({ method: z.enum(["passphrase", "keychain"]), reason: label }),
  "vault.locked": z.strictObject({ reason: z.enum(["manual", "idle", "sleep", "screen_lock", "quit", "keychain_changed"]) }),
  "vault.exported": z.strictObject({ file: label, entries: count }),
  "vault.imported": z.strictObject({ file: label, entries: count }),
  "vault.passphrase_changed": z.strictObject({}),
  "secret.copied": z.strictObject({ entryId: id.nullable(), keyId: id.nullable(), label, clearAfterSeconds: count }),
  "secret.revealed": z.strictObject({ entryId: id.nullable(), keyId: id.nullable(), label }),
  /** A new key's secret kept in the vault when its dialog closed. */
  "secret.stored": z.strictObject({ entryId: id, keyId: id, label }),
  "key.generated": z.strictObject({ workspace, keyId: id, name: label, scope: Scope, display: label, keptInVault: z.boolean() }),
  "key.rotated": z.strictObject({ workspace, keyId: id, successorId: id, scope: Scope, previousScope: Scope, graceSeconds: count.nullable() }),
  "key.revoked": z.strictObject({ workspace, keyId: id, reason: RevokeReason, note: label.nullable() }),
  "workspace.added": z.strictObject({ workspace, url: label }),
  "workspace.removed": z.strictObject({ workspace, url: label }),
  /** A leak scan finished: where, and how many keys (and live keys of the workspace) it found. */
  "scan.completed": z.strictObject({ folder: label, history: z.boolean(), keysFound: count, activeKeysFound: count, workspace: workspace.nullable() }),
  "finding.dismissed": z.strictObject({ workspace, findingId: z.string().min(1).max(300), kind: FindingKind, note: z.string().max(1000) }),
  "finding.restored": z.strictObject({ workspace, findingId: z.string().min(1).max(300), kind: FindingKind }),
  "audit.bundle_verified": z.strictObject({ file: label, bundleSha256: z.string().regex(/^[0-9a-f]{64}$/), valid: z.boolean(), summary: label }),
  "audit.review_signed_off": z.strictObject({ reviewId: id, reviewer: label, keys: count }),
  "audit.report_exported": z.strictObject({ reviewId: id, format: z.enum(["pdf", "csv", "json"]), file: label }),
  "team_vault.member_removed": z.strictObject({ vault: label, member: label, keysExposed: count }),
  "log.recovered": z.strictObject({ tornBytes: count, tornSha256: z.string().regex(/^[0-9a-f]{64}$/), savedTo: label }),
} as const;

export type LocalEventType = keyof typeof LOCAL_EVENT_DATA;
export type LocalEventData<T extends LocalEventType> = z.infer<(typeof LOCAL_EVENT_DATA)[T]>;
export const LOCAL_EVENT_TYPES = Object.keys(LOCAL_EVENT_DATA) as LocalEventType[];

const CREDENTIAL_SHAPE = /uo_(?:live|test|adm)_[0-9A-Za-z]{38}/;

/** The path of the first string in `value` that holds something shaped like a credential, or null. */
export function credentialIn(value: unknown, path = "data"): string | null {
  if (typeof value === "string") return CREDENTIAL_SHAPE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = credentialIn(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [name, member] of Object.entries(value)) {
      const found = credentialIn(member, `${path}.${name}`);
      if (found) return found;
    }
  }
  return null;
}
