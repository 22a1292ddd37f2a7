/**
 * team.json: the team vaults this device opened (path, name, when; newest first) and what it saw of
 * each (revision and head per vault id: the rollback check's memory, kept outside the synced folder
 * on purpose). Never a secret: paths, names, revisions and hashes.
 */
import path from "node:path";
import { z } from "zod";
import { VersionedFile } from "../../persist/versioned-file";
import { parsedItems } from "../state/legacy";

export const RECENT_MAX = 8;

const Time = z.iso.datetime({ offset: false });

export const RecentVault = z.object({ path: z.string().min(1), name: z.string(), vaultId: z.string(), openedAt: Time });
export type RecentVault = z.infer<typeof RecentVault>;

export const SeenRecord = z.object({ vaultId: z.string().min(1), revision: z.number().int().min(0), head: z.string().regex(/^[0-9a-f]{64}$/) });

const listOf = <T>(schema: z.ZodType<T>) => z.unknown().transform((items) => parsedItems(items, (item) => schema.safeParse(item).data));

export const TeamContent = z.object({
  recent: listOf(RecentVault),
  seen: listOf(SeenRecord),
});
export type TeamContent = z.infer<typeof TeamContent>;

export function openTeamFile(dataDir: string): VersionedFile<TeamContent> {
  return new VersionedFile({
    what: "the team vaults this device opened",
    file: path.join(dataDir, "team.json"),
    version: 1,
    schema: TeamContent,
    defaults: () => ({ recent: [], seen: [] }),
  });
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
