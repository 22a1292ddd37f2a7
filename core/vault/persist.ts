/**
 * Reading and saving the vault file, with its backup. A save first writes the version being
 * replaced to `<file>.bak` (atomically, from the bytes this process last read or wrote, so a
 * damaged disk copy is never promoted to backup), then replaces `<file>` atomically. Whatever step
 * fails or crashes, `<file>` holds the old or the new vault, and `<file>.bak` an older good one.
 * Only encrypted bytes pass through here.
 */
import { constants } from "node:fs";
import { access, copyFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ATOMIC_STEPS, writeFileAtomic, type AtomicStep } from "./atomic-write";
import { ioError, isVaultError, VaultError } from "./errors";
import { readImage, type VaultImage } from "./image";

export const SAVE_STEPS = ["preserve-damaged", ...ATOMIC_STEPS.map((step) => `backup:${step}` as const), ...ATOMIC_STEPS] as const;
/** The steps of one save, in order; `preserve-damaged` only runs after a recovery from backup. */
export type SaveStep = "preserve-damaged" | `backup:${AtomicStep}` | AtomicStep;

/** Test seam: called before each step of a save; throwing fails the save at that step. */
export interface FsHooks {
  beforeStep?(step: SaveStep, path: string): void | Promise<void>;
}

export const backupPathOf = (path: string): string => `${path}.bak`;

export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

export async function readVaultBytes(path: string, what = "vault"): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") {
      const hint = what === "vault" && (await fileExists(backupPathOf(path))) ? ` A backup exists at ${backupPathOf(path)}.` : "";
      throw new VaultError("not_found", `There is no ${what} file at ${path}.${hint}`, { cause: error });
    }
    throw ioError(error, `read the ${what} file ${path}`);
  }
}

/** Refuses a path where a vault or an earlier vault's backup exists; creates the folder (owner-only). */
export async function prepareNewVaultPath(path: string): Promise<void> {
  if (await fileExists(path)) throw new VaultError("already_exists", `A file already exists at ${path}; a new vault will not replace it.`);
  if (await fileExists(backupPathOf(path))) {
    // The second save of the new vault would overwrite that backup: make the user choose.
    throw new VaultError("already_exists", `A backup of an earlier vault exists at ${backupPathOf(path)}. Open it, or move it away, before creating a new vault here.`);
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw ioError(error, `create the folder ${dirname(path)}`);
  });
}

export interface SaveOptions {
  /** The bytes currently at `path` as last read or written; null when creating the file. */
  previous: Buffer | null;
  /** True when `path` holds a damaged file (the vault was recovered from its backup): it is copied aside, never deleted. */
  preserveDamaged?: boolean;
  hooks?: FsHooks;
  now?: () => Date;
}

/** Returns false when the change is saved but the folder could not be flushed (see writeFileAtomic). */
export async function saveVaultBytes(path: string, next: Buffer, options: SaveOptions): Promise<boolean> {
  const before = async (step: SaveStep): Promise<void> => options.hooks?.beforeStep?.(step, path);
  try {
    if (options.preserveDamaged && (await fileExists(path))) {
      await before("preserve-damaged");
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
      await copyFile(path, `${path}.damaged-${stamp}`, constants.COPYFILE_EXCL);
    }
    if (options.previous) await writeFileAtomic(backupPathOf(path), options.previous, { beforeStep: (step) => before(`backup:${step}`) });
    const result = await writeFileAtomic(path, next, { beforeStep: before });
    return result.durable;
  } catch (error) {
    // Every throw above happens before the vault file's rename, so it still holds the old vault.
    throw ioError(error, "save the vault", { unchanged: true });
  }
}

/** Set when `open` fell back to the backup: the UI must say so. The damaged file is copied aside on the next save. */
export interface RecoveryNotice {
  /** Why the vault file itself could not be used. */
  reason: VaultError;
  backupPath: string;
}

/**
 * Reads and checks the vault file. With `fallbackToBackup`, a missing, damaged or cut-short file
 * gives way to `<file>.bak`, and the returned notice says so; a newer format never does (saving
 * the older backup over it would lose the newer data).
 */
export async function loadImage(path: string, fallbackToBackup: boolean): Promise<{ image: VaultImage; recovery: RecoveryNotice | null }> {
  try {
    return { image: readImage(await readVaultBytes(path)), recovery: null };
  } catch (error) {
    if (!fallbackToBackup || !isVaultError(error) || !["corrupt", "truncated", "not_found"].includes(error.code)) throw error;
    const backupPath = backupPathOf(path);
    try {
      return { image: readImage(await readVaultBytes(backupPath, "backup")), recovery: { reason: error, backupPath } };
    } catch (backupError) {
      const why = backupError instanceof Error ? backupError.message : String(backupError);
      throw new VaultError(error.code, `${error.message} Its backup could not be used either: ${why}`, { cause: error });
    }
  }
}
