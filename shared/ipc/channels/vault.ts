/** The local vault: status, set-up, unlock, lock, keychain unlock, passphrase, entries (never their secrets).
 * Protects against: entries' secrets crossing to the renderer (summaries carry labels and metadata
 * only). Does not protect against: passphrases in transit to the main process, which they must be.
 */
import { z } from "zod";
import { VAULT_ENTRY_KINDS } from "../../domain/vault-entries";
import { channel, Id, NoInput, Time } from "./common";

export const VaultStatus = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  keychainUnlockEnabled: z.boolean(),
  /** Whether the OS offers a real keychain; when not, why. */
  keychain: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  entryCount: z.number().int().nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const Passphrase = z.string().min(1, "Enter the passphrase").max(1024, "That passphrase is too long");
export const NEW_PASSPHRASE_MIN = 10;
export const NewPassphrase = z.string().min(NEW_PASSPHRASE_MIN, `Use at least ${NEW_PASSPHRASE_MIN} characters`).max(1024, "Use at most 1024 characters");

/** A new passphrase typed twice (the forms check both; the main process gets one). */
export const NewPassphraseForm = z
  .object({ passphrase: NewPassphrase, confirmation: z.string() })
  .refine((form) => form.passphrase === form.confirmation, { message: "The two passphrases differ", path: ["confirmation"] });

export const VaultEntrySummary = z.object({
  id: z.string(),
  kind: z.union([z.enum(VAULT_ENTRY_KINDS as [string, ...string[]]), z.string()]),
  label: z.string(),
  createdAt: Time,
  updatedAt: Time,
  meta: z.record(z.string(), z.string()),
});
export type VaultEntrySummary = z.infer<typeof VaultEntrySummary>;

export const VAULT_CHANNELS = {
  status: channel(NoInput, VaultStatus),
  create: channel(z.strictObject({ passphrase: NewPassphrase }), VaultStatus),
  unlock: channel(z.strictObject({ passphrase: Passphrase }), VaultStatus),
  unlockWithKeychain: channel(NoInput, VaultStatus),
  lock: channel(NoInput, VaultStatus),
  /** Turning it off needs the passphrase: the vault gets a new data key. */
  setKeychainUnlock: channel(z.strictObject({ enabled: z.boolean(), passphrase: Passphrase.optional() }), VaultStatus),
  changePassphrase: channel(z.strictObject({ current: Passphrase, next: NewPassphrase }), VaultStatus),
  entries: channel(NoInput, z.array(VaultEntrySummary)),
  removeEntry: channel(z.strictObject({ id: Id }), z.array(VaultEntrySummary)),
  /** Tells the main process the user is active, which postpones the idle lock. */
  touch: channel(NoInput, z.null()),
} as const;
