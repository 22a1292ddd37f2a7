/**
 * team.json: the team vaults this device opened (path, name, when; newest first), what it saw of
 * each (revision and head per vault id: the rollback check's memory, kept outside the synced folder
 * on purpose), and the rotations made on this device lately, so that a team vault opened later
 * gets the new key too. Never a secret: paths, names, revisions, hashes, key ids and display forms.
 */
import { z } from "zod";
import { stateFile, type VersionedFile } from "../../persist/versioned-file";
import { parsedItems } from "../state/legacy";

export const RECENT_MAX = 8;

const Time = z.iso.datetime({ offset: false });

export const RecentVault = z.object({ path: z.string().min(1), name: z.string(), vaultId: z.string(), openedAt: Time });
export type RecentVault = z.infer<typeof RecentVault>;

export const SeenRecord = z.object({ vaultId: z.string().min(1), revision: z.number().int().min(0), head: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * A rotation made on this device, for the team vaults it opens later (kept ROTATION_MEMORY_DAYS).
 * `rotated`: entries holding the old key get the new one, the old secret kept as history;
 * `retired`: the same, and the old key was revoked, so its secret is dropped from the history;
 * `restored`: the rotation was cancelled and the new key revoked, so entries go back to the old key.
 */
export const RotationRecord = z.object({
  oldKeyId: z.string().min(1),
  newKeyId: z.string().min(1),
  state: z.enum(["rotated", "retired", "restored"]),
  oldDisplay: z.string().nullable(),
  oldScope: z.string().nullable(),
  newDisplay: z.string().nullable(),
  newScope: z.string().nullable(),
  at: Time,
});
export type RotationRecord = z.infer<typeof RotationRecord>;
export const ROTATION_MEMORY_DAYS = 30;

const listOf = <T>(schema: z.ZodType<T>) => z.unknown().transform((items) => parsedItems(items, (item) => schema.safeParse(item).data));

export const TeamContent = z.object({
  recent: listOf(RecentVault),
  seen: listOf(SeenRecord),
  // Added within version 1: a file written before it has none, which is what an empty list means.
  rotations: listOf(RotationRecord),
});
export type TeamContent = z.infer<typeof TeamContent>;

export function openTeamFile(dataDir: string): VersionedFile<TeamContent> {
  return stateFile(dataDir, "team.json", { what: "the team vaults this device opened", version: 1, schema: TeamContent, defaults: () => ({ recent: [], seen: [], rotations: [] }) });
}

/** The recent list with `vault` first (and once), at most RECENT_MAX long. */
export function withRecent(recent: readonly RecentVault[], vault: RecentVault): RecentVault[] {
  return [vault, ...recent.filter((item) => item.path !== vault.path && item.vaultId !== vault.vaultId)].slice(0, RECENT_MAX);
}

/** A file name from a vault's name: lowercase letters, digits and dashes. */
export function fileSlug(name: string, fallback = "team-vault"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 60);
  return slug || fallback;
}
