/**
 * The team vault: one file in a folder the team syncs, its data key wrapped with age for each
 * member, every change signed and hash-chained, concurrent saves merged entry by entry, removal
 * with a new key and an exposure list. Electron-free. docs/team-vault.md has the format.
 */
export { TeamVault, type TeamVaultOptions } from "./team-vault";
export {
  createIdentity,
  serializeIdentity,
  parseIdentity,
  memberCardText,
  parseMemberCard,
  fingerprint,
  cardOf,
  type MemberCard,
  type MemberIdentity,
} from "./identity";
export { TeamVaultError, isTeamVaultError, type TeamVaultErrorCode } from "./errors";
export { SeenStates, type TeamVaultSeen } from "./rollback";
export type { MergeReport } from "./sync";
export type { MergeConflict } from "./merge";
export type { ExposedKey } from "./ledger";
export type { FormerMember, TeamChange, TeamEntryInfo, TeamMember } from "./views";
export {
  decryptExport,
  encryptExport,
  exportPayload,
  readExport,
  teamExportPayload,
  writeExport,
  type ExportedEntry,
  type ExportKey,
  type ExportPayload,
  type ExportProtection,
} from "./export";
export { importIntoPersonalVault, personalEntries, personalExportPayload } from "./personal";
export { linkEntries, staleLinks, type EntryLink, type LinkStatus } from "./workspace-links";
export { parseDotenv, planEnvImport, EnvImportPlan, type EnvFound, type EnvImportPreview } from "./env-import";
export { TEAM_FORMAT_VERSION } from "./format";

/** The personal vault entry kinds the app stores for the team vault (one of shared/domain's vault entry kinds). */
export const TEAM_ENTRY_KINDS = { memberIdentity: "member_identity" } as const;
