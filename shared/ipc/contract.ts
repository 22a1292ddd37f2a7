/**
 * The IPC contract: every channel between the renderer and the main process, with zod schemas for
 * its input and output, and every event the main process sends. The main process registers one
 * handler per channel from this table, the preload builds `window.keyward` from it, and the
 * renderer's types come from it. A channel that is not here does not exist.
 */
import { z } from "zod";
import { ApiKey, KeyName, RevokeReason, Scope, Whoami } from "../api/schemas";

export const IPC_CONTRACT_VERSION = 1;

const NoInput = z.undefined();
const Time = z.iso.datetime({ offset: false });

export const WorkspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  kind: z.enum(["local", "remote"]),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const WorkspaceState = z.object({
  workspace: WorkspaceSummary.nullable(),
  state: z.enum(["starting", "connected", "error", "needs_vault"]),
  /** Why the workspace is not connected, in words a user understands. */
  message: z.string().nullable(),
});
export type WorkspaceState = z.infer<typeof WorkspaceState>;

export const AddWorkspaceInput = z.strictObject({
  name: z.string().trim().min(1, "Give the workspace a name").max(100),
  url: z.url({ protocol: /^https?$/, error: "Enter the workspace's http(s) URL" }).max(2000),
  adminToken: z.string().trim().min(1, "Paste the workspace's admin token").max(200),
});

export const VaultStatus = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  keychainUnlockEnabled: z.boolean(),
  /** Whether the OS offers a real keychain; when not, why. */
  keychain: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  entryCount: z.number().int().nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const Passphrase = z.string().min(1, "Enter the passphrase").max(1024);
export const NewPassphrase = z.string().min(10, "Use at least 10 characters").max(1024);

export const VaultEntrySummary = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  createdAt: Time,
  updatedAt: Time,
  meta: z.record(z.string(), z.string()),
});
export type VaultEntrySummary = z.infer<typeof VaultEntrySummary>;

export const CreateKeyInput = z.strictObject({
  name: KeyName,
  description: z.string().max(1000).default(""),
  scope: Scope,
  expiresAt: Time.nullable().default(null),
});
export type CreateKeyInput = z.input<typeof CreateKeyInput>;

/** A new key and its secret, for the one dialog that shows it. `handle` names the secret for copy and vault. */
export const RevealedKey = z.object({ key: ApiKey, secret: z.string(), handle: z.string() });
export type RevealedKey = z.infer<typeof RevealedKey>;

export const SecretHandle = z.strictObject({ handle: z.string().min(1).max(100) });

export const CopyResult = z.object({ clearsAt: Time, seconds: z.number().int() });
export type CopyResult = z.infer<typeof CopyResult>;

export const ClipboardStatus = z.object({ clearsAt: Time.nullable() });

export const Preferences = z.object({
  clipboardClearSeconds: z.number().int().min(5).max(600),
  autoLockMinutes: z.number().int().min(1).max(1440),
  /** Rotation policy: a key is due for rotation this many days after it was created. */
  rotationDays: z.number().int().min(1).max(3650),
  lastWorkspaceId: z.string().nullable(),
});
export type Preferences = z.infer<typeof Preferences>;
export const PreferencesPatch = z.strictObject({
  clipboardClearSeconds: z.number().int().min(5, "At least 5 seconds").max(600, "At most 600 seconds").optional(),
  autoLockMinutes: z.number().int().min(1, "At least 1 minute").max(1440, "At most 1440 minutes").optional(),
  rotationDays: z.number().int().min(1, "At least 1 day").max(3650, "At most 3650 days").optional(),
});

/**
 * A rotation in progress, kept (without any secret) across restarts. Step 1 (generate) happens when
 * it starts; then "update" (put the new key into the integration), "verify", "revoke".
 */
export const ROTATION_STEPS = ["update", "verify", "revoke"] as const;
export const RotationStep = z.enum(ROTATION_STEPS);
export type RotationStep = z.infer<typeof RotationStep>;

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
  /** Whether the new key's secret can still be copied or tested (held since it was shown, or in the vault). */
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

const KeyId = z.string().min(1).max(100);

export const AppInfo = z.object({ version: z.string(), contractVersion: z.number().int(), platform: z.string() });

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const CONTRACT = {
  app: {
    info: channel(NoInput, AppInfo),
  },
  workspaces: {
    list: channel(NoInput, z.array(WorkspaceSummary)),
    current: channel(NoInput, WorkspaceState),
    add: channel(AddWorkspaceInput, WorkspaceState),
    switch: channel(z.strictObject({ id: z.string().min(1).max(100) }), WorkspaceState),
    remove: channel(z.strictObject({ id: z.string().min(1).max(100) }), z.array(WorkspaceSummary)),
  },
  keys: {
    list: channel(NoInput, z.array(ApiKey)),
    create: channel(CreateKeyInput, RevealedKey),
    /** Closes the reveal: keeps the secret in the vault if asked, then forgets it in the main process. */
    finishReveal: channel(z.strictObject({ handle: z.string().min(1).max(100), keepInVault: z.boolean() }), z.object({ storedInVault: z.boolean() })),
    revoke: channel(z.strictObject({ id: z.string().min(1).max(100), reason: RevokeReason, note: z.string().max(1000).optional() }), ApiKey),
  },
  clipboard: {
    copySecret: channel(SecretHandle, CopyResult),
    copyVaultEntry: channel(z.strictObject({ id: z.string().min(1).max(100) }), CopyResult),
    status: channel(NoInput, ClipboardStatus),
    clear: channel(NoInput, ClipboardStatus),
  },
  vault: {
    status: channel(NoInput, VaultStatus),
    create: channel(z.strictObject({ passphrase: NewPassphrase }), VaultStatus),
    unlock: channel(z.strictObject({ passphrase: Passphrase }), VaultStatus),
    unlockWithKeychain: channel(NoInput, VaultStatus),
    lock: channel(NoInput, VaultStatus),
    setKeychainUnlock: channel(z.strictObject({ enabled: z.boolean() }), VaultStatus),
    entries: channel(NoInput, z.array(VaultEntrySummary)),
    removeEntry: channel(z.strictObject({ id: z.string().min(1).max(100) }), z.array(VaultEntrySummary)),
    /** Tells the main process the user is active, which postpones the idle lock. */
    touch: channel(NoInput, z.null()),
  },
  rotation: {
    list: channel(NoInput, z.array(Rotation)),
    /** Step 1: creates the successor (same name; same scope unless `scope` rescopes) and shows it once. */
    start: channel(z.strictObject({ keyId: KeyId, scope: Scope.optional() }), z.object({ rotation: Rotation, revealed: RevealedKey })),
    /** Moves to a step; leaving step 1 with keepInVault stores the new secret in the vault. */
    setStep: channel(z.strictObject({ oldKeyId: KeyId, step: RotationStep, keepInVault: z.boolean().optional() }), Rotation),
    copyNewKey: channel(z.strictObject({ oldKeyId: KeyId }), CopyResult),
    /** Calls whoami with the new key. */
    testNewKey: channel(z.strictObject({ oldKeyId: KeyId }), Whoami),
    usage: channel(z.strictObject({ oldKeyId: KeyId }), RotationUsage),
    /**
     * Step 4: revokes the old key now, or lets it expire after a grace period. When the old key was
     * used in the last 10 minutes this answers `needs_confirmation` unless `confirmRecentUse`.
     */
    finish: channel(z.strictObject({ oldKeyId: KeyId, revoke: RevokeTiming, confirmRecentUse: z.boolean().default(false) }), z.object({ oldKey: ApiKey })),
    /** Abandons the rotation; with revokeNewKey the successor is revoked too. */
    cancel: channel(z.strictObject({ oldKeyId: KeyId, revokeNewKey: z.boolean() }), z.array(Rotation)),
  },
  preferences: {
    get: channel(NoInput, Preferences),
    set: channel(PreferencesPatch, Preferences),
  },
} as const;

export const EVENTS = {
  "vault.changed": VaultStatus.extend({ reason: z.enum(["manual", "idle", "suspend", "screen_lock", "quit", "unlocked", "created"]).optional() }),
  "clipboard.changed": ClipboardStatus,
  "workspace.changed": WorkspaceState,
  "rotation.changed": z.array(Rotation),
  /** The user clicked a rotation reminder: open the rotate flow of this key. */
  "reminder.clicked": z.object({ keyId: z.string() }),
} as const;

export type Contract = typeof CONTRACT;
export type Domain = keyof Contract;
export type ChannelName = { [D in Domain]: `${D & string}.${keyof Contract[D] & string}` }[Domain];
export type EventName = keyof typeof EVENTS;

type ChannelOf<N extends ChannelName> = N extends `${infer D}.${infer M}`
  ? D extends Domain
    ? M extends keyof Contract[D]
      ? Contract[D][M]
      : never
    : never
  : never;

export type InputOf<N extends ChannelName> = ChannelOf<N> extends { input: infer I extends z.ZodType } ? z.input<I> : never;
export type ParsedInputOf<N extends ChannelName> = ChannelOf<N> extends { input: infer I extends z.ZodType } ? z.output<I> : never;
export type OutputOf<N extends ChannelName> = ChannelOf<N> extends { output: infer O extends z.ZodType } ? z.output<O> : never;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

/** Every channel name, in contract order: the preload and the main process both iterate this. */
export const CHANNEL_NAMES: readonly ChannelName[] = Object.entries(CONTRACT).flatMap(([domain, channels]) =>
  Object.keys(channels).map((method) => `${domain}.${method}` as ChannelName),
);
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function channelSchemas(name: string): { input: z.ZodType; output: z.ZodType } | undefined {
  const [domain = "", method = "", ...rest] = name.split(".");
  const contract = CONTRACT as Record<string, Record<string, { input: z.ZodType; output: z.ZodType }>>;
  // Own properties only: "constructor.name" must not reach Object's prototype.
  if (rest.length > 0 || !Object.hasOwn(contract, domain) || !Object.hasOwn(contract[domain]!, method)) return undefined;
  return contract[domain]![method];
}

/** The IPC channel string for a contract channel (namespaced so nothing else can collide). */
export const ipcChannel = (name: string) => `keyward:${name}`;
export const ipcEventChannel = (name: string) => `keyward-event:${name}`;
