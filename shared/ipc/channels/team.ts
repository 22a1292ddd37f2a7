/*
 * The team vault: the user's member identity, one open team vault (members, shared entries and
 * their workspace keys' live status, history), what a removed member could read, `.env` import,
 * and encrypted export and import of the personal or the team vault.
 * Protects against: an entry's secret crossing to the renderer (entries carry labels, metadata
 * and link status only; copying goes from the main process to the clipboard by entry id; an
 * `.env` import shows display forms and keeps the values in the main process). Does not protect
 * against: a secret or a passphrase the user types, which must reach the main process.
 */
import { z } from "zod";
import { Scope } from "../../api/schemas";
import { channel, Id, NoInput, Time } from "./common";
import { CopyResult } from "./app";
import { NewPassphrase, Passphrase } from "./vault";

/** What a member is called in the vault (shown to the others; not covered by the fingerprint). */
export const MemberName = z.string().trim().min(1, "Enter your name as your team will see it").max(64, "Use at most 64 characters");
export const VaultName = z.string().trim().min(1, "Give the team vault a name").max(200, "Use at most 200 characters");
/** A pasted member card (keyward-member:1:…); the main process reads and checks it. */
export const MemberCardText = z.string().trim().min(1, "Paste the member's card").max(1000, "That is too long for a member card");

/** The user's own identity: the public part only (the private keys stay in the personal vault). */
export const TeamIdentity = z.object({
  memberId: z.string(),
  name: z.string(),
  /** 8 groups of 4 hex digits, compared out of band. */
  fingerprint: z.string(),
  /** The member card to give to a teammate: public, safe to paste in chat. */
  card: z.string(),
});
export type TeamIdentity = z.infer<typeof TeamIdentity>;

export const IdentityState = z.object({
  /** The personal vault holds the identity: it must exist and be unlocked. */
  personalVault: z.enum(["missing", "locked", "unlocked"]),
  identity: TeamIdentity.nullable(),
});
export type IdentityState = z.infer<typeof IdentityState>;

/** The live status of the workspace key an entry holds; `unknown` while the workspace cannot be read. */
export const LinkStatus = z.enum(["active", "rotated", "revoked", "expired", "missing", "unknown"]);
export type LinkStatus = z.infer<typeof LinkStatus>;

export const EntryLinkView = z.object({
  keyId: z.string(),
  status: LinkStatus,
  keyName: z.string().nullable(),
  display: z.string().nullable(),
  lastUsedAt: Time.nullable(),
  replacedById: z.string().nullable(),
});
export type EntryLinkView = z.infer<typeof EntryLinkView>;

export const TeamEntryView = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  createdAt: Time,
  updatedAt: Time,
  createdBy: z.string(),
  updatedBy: z.string(),
  historyCount: z.number().int(),
  /** Set on a conflict copy: the entry it is the other version of. */
  conflictOf: z.string().nullable(),
  meta: z.record(z.string(), z.string()),
  link: EntryLinkView.nullable(),
});
export type TeamEntryView = z.infer<typeof TeamEntryView>;

export const TeamMemberView = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  isYou: z.boolean(),
  addedAt: Time,
  addedBy: z.string(),
});
export type TeamMemberView = z.infer<typeof TeamMemberView>;

export const FormerMemberView = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  addedAt: Time,
  removedAt: Time,
  removedBy: z.string(),
});
export type FormerMemberView = z.infer<typeof FormerMemberView>;

/** What the last open or sync brought in from other copies of the file. */
export const MergeReportView = z.object({
  at: Time,
  added: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  /** Entries changed on both sides: both versions kept (the other one as a copy), or a change kept over a deletion. */
  conflicts: z.array(z.object({ entryId: z.string(), label: z.string(), copyId: z.string().nullable(), kind: z.enum(["both_changed", "deleted_and_changed"]) })),
  /** Changes by someone removed before they made them: not applied. */
  refused: z.array(z.object({ entryId: z.string(), label: z.string(), author: z.string() })),
  membersAdded: z.array(z.string()),
  membersRemoved: z.array(z.string()),
  /** Conflict copies this member cannot read, left in place for another member to merge. */
  unreadable: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type MergeReportView = z.infer<typeof MergeReportView>;

export const TeamVaultView = z.object({
  path: z.string(),
  name: z.string(),
  vaultId: z.string(),
  revision: z.number().int(),
  youId: z.string(),
  members: z.array(TeamMemberView),
  formerMembers: z.array(FormerMemberView),
  entries: z.array(TeamEntryView),
  /** Entries whose key was revoked or expired: the one-click clean-up. */
  staleIds: z.array(z.string()),
  /** The workspace whose keys the links were read from; `error` when they could not be read. */
  workspace: z.object({ name: z.string().nullable(), error: z.string().nullable() }),
  lastMerge: MergeReportView.nullable(),
});
export type TeamVaultView = z.infer<typeof TeamVaultView>;

export const RecentTeamVault = z.object({ path: z.string(), name: z.string(), openedAt: Time });
export type RecentTeamVault = z.infer<typeof RecentTeamVault>;

export const TeamState = z.object({
  identity: IdentityState,
  vault: TeamVaultView.nullable(),
  recent: z.array(RecentTeamVault),
  /** Why the vault that was open is not any more (removed from it, personal vault locked), once. */
  notice: z.string().nullable(),
});
export type TeamState = z.infer<typeof TeamState>;

/** A dialog's answer: `cancelled` when the user closed the file or folder dialog. */
export const TeamOutcome = z.object({ cancelled: z.boolean(), state: TeamState });
export type TeamOutcome = z.infer<typeof TeamOutcome>;

export const CardPreview = z.object({
  memberId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  alreadyMember: z.boolean(),
  isYou: z.boolean(),
});
export type CardPreview = z.infer<typeof CardPreview>;

/** One workspace key (or unlinked entry) a removed member could read, and its status now. */
export const ExposureRow = z.object({
  entryId: z.string(),
  label: z.string(),
  kind: z.string(),
  keyId: z.string().nullable(),
  display: z.string().nullable(),
  /** present: the entry still holds this key; changed: it holds another now; deleted: the entry is gone. */
  entry: z.enum(["present", "changed", "deleted"]),
  firstReadableAt: Time,
  status: LinkStatus.nullable(),
  keyName: z.string().nullable(),
  lastUsedAt: Time.nullable(),
});
export type ExposureRow = z.infer<typeof ExposureRow>;

export const ExposureReport = z.object({ member: FormerMemberView, rows: z.array(ExposureRow), workspaceError: z.string().nullable() });
export type ExposureReport = z.infer<typeof ExposureReport>;

export const TeamChangeView = z.object({
  revision: z.number().int(),
  at: Time,
  author: z.string(),
  type: z.string(),
  entryId: z.string().nullable(),
  label: z.string().nullable(),
  member: z.string().nullable(),
  conflicts: z.number().int().nullable(),
  refused: z.number().int().nullable(),
  /** For an entry change a key rotation made: what it did, and the key the entry holds after it. */
  keyChange: z.object({ kind: z.enum(["rotated", "restored", "retired"]), display: z.string().nullable() }).nullable(),
});
export type TeamChangeView = z.infer<typeof TeamChangeView>;

export const ImportTarget = z.enum(["personal", "team"]);
export type ImportTarget = z.infer<typeof ImportTarget>;

export const EnvImportView = z.object({
  target: ImportTarget,
  files: z.array(z.string()),
  found: z.array(
    z.object({
      ref: z.string(),
      file: z.string(),
      line: z.number().int(),
      variable: z.string(),
      keyId: z.string(),
      keyName: z.string(),
      display: z.string(),
      scope: Scope,
      status: z.enum(["active", "revoked", "expired"]),
      /** Already kept in the target vault: not added again. */
      alreadyThere: z.boolean(),
    }),
  ),
  notInWorkspace: z.array(z.object({ ref: z.string(), file: z.string(), line: z.number().int(), variable: z.string(), display: z.string() })),
  /** Values that are not keys in the workspace's format: never hashed, never sent. */
  otherValues: z.number().int(),
});
export type EnvImportView = z.infer<typeof EnvImportView>;

/** Who can open an export: the team's members, only you, pasted cards (or age1… recipients), or a passphrase. */
export const ExportProtectionInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("members") }),
  z.strictObject({ kind: z.literal("me") }),
  z.strictObject({ kind: z.literal("cards"), cards: z.array(MemberCardText).min(1, "Paste at least one member card").max(100) }),
  z.strictObject({ kind: z.literal("passphrase"), passphrase: NewPassphrase }),
]);
export type ExportProtectionInput = z.output<typeof ExportProtectionInput>;

export const ExportInput = z.strictObject({
  source: ImportTarget,
  protection: ExportProtectionInput,
  /** A personal export asks for the vault's passphrase again, as password managers do before an export. */
  vaultPassphrase: Passphrase.optional(),
});

export const ImportInput = z.strictObject({
  target: ImportTarget,
  key: z.discriminatedUnion("kind", [z.strictObject({ kind: z.literal("identity") }), z.strictObject({ kind: z.literal("passphrase"), passphrase: Passphrase })]),
});

export const ImportResult = z.object({
  cancelled: z.boolean(),
  file: z.string().nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Entries left out: member identities never go into a team vault. */
  skipped: z.number().int(),
  state: TeamState,
});
export type ImportResult = z.infer<typeof ImportResult>;

/** A new team entry: a secret from the personal vault, or typed (a key of this workspace is linked to it). */
export const AddEntryInput = z.discriminatedUnion("from", [
  z.strictObject({ from: z.literal("vault"), vaultEntryId: Id }),
  z.strictObject({
    from: z.literal("typed"),
    label: z.string().trim().max(200, "Use at most 200 characters"),
    secret: z.string().trim().min(1, "Enter the secret").max(10_000, "That is too long"),
  }),
]);
export type AddEntryInput = z.output<typeof AddEntryInput>;

export const TEAM_CHANNELS = {
  /** The identity, the open team vault (links read from the connected workspace's keys now) and recent vaults. */
  state: channel(NoInput, TeamState),
  /** Makes the user's identity and keeps it in the personal vault (which must be unlocked). */
  createIdentity: channel(z.strictObject({ name: MemberName }), TeamState),
  /** Asks for a folder, creates `<folder>/<name>.kwteam` with the user as its first member, and opens it. */
  create: channel(z.strictObject({ name: VaultName }), TeamOutcome),
  /** Opens a recent team vault by its path, or asks which file to open. */
  open: channel(z.strictObject({ path: z.string().min(1).max(4096).optional() }), TeamOutcome),
  close: channel(NoInput, TeamState),
  /** Takes a vault off the recent list. */
  forget: channel(z.strictObject({ path: z.string().min(1).max(4096) }), TeamState),
  /** Brings in what others saved (the file and its conflict copies); the merge report is in the state. */
  sync: channel(NoInput, TeamState),
  addEntry: channel(AddEntryInput, TeamState),
  /** Deletes entries in one save (the stale clean-up). */
  removeEntries: channel(z.strictObject({ ids: z.array(Id).min(1).max(1000) }), TeamState),
  copySecret: channel(z.strictObject({ entryId: Id }), CopyResult),
  /** Copies the user's member card (public) to the clipboard. */
  copyCard: channel(NoInput, CopyResult),
  /** Reads a pasted card: who it names and its fingerprint, to compare before adding. */
  readCard: channel(z.strictObject({ card: MemberCardText }), CardPreview),
  addMember: channel(z.strictObject({ card: MemberCardText }), TeamState),
  /** Removes a member (new data key, everything re-sealed) and answers what they could read. */
  removeMember: channel(z.strictObject({ memberId: Id }), z.object({ state: TeamState, exposure: ExposureReport })),
  exposure: channel(z.strictObject({ memberId: Id }), ExposureReport),
  /** Who changed what, newest first. */
  history: channel(NoInput, z.array(TeamChangeView)),
  /** Asks for an `.env` file, adds it to the import, and previews it against the target vault; nothing is written. */
  envChooseFile: channel(z.strictObject({ target: ImportTarget }), EnvImportView),
  /** The same files previewed against the other vault. */
  envSetTarget: channel(z.strictObject({ target: ImportTarget }), EnvImportView),
  /** Writes the chosen keys (`refs` of the preview) to the target vault. */
  envWrite: channel(z.strictObject({ refs: z.array(z.string().min(1).max(5000)).min(1).max(1000) }), z.object({ added: z.number().int(), target: ImportTarget, state: TeamState })),
  envDiscard: channel(NoInput, z.null()),
  /** Asks where to save, and writes the vault's entries encrypted (age); `path` is null when cancelled. */
  exportVault: channel(ExportInput, z.object({ path: z.string().nullable(), entries: z.number().int() })),
  /** Asks which export to read, decrypts it, and merges its entries into the target vault. */
  importVault: channel(ImportInput, ImportResult),
} as const;

/** The team vault sends no events: the screen asks for its state, and syncs when the window regains focus. */
export const TEAM_EVENTS = {} as const;
