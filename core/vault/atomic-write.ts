/**
 * Replaces a file so that a crash or a failed write leaves either the old or the new content at
 * the path, never a mix: write a temporary file in the same folder, fsync it, rename it over the
 * target (atomic on one file system), then fsync the folder so the rename itself is durable.
 * Every step first calls `beforeStep`, so tests can fail or snapshot the disk at each step.
 */
import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export const ATOMIC_STEPS = ["write-temp", "fsync-temp", "rename", "fsync-dir"] as const;
export type AtomicStep = (typeof ATOMIC_STEPS)[number];
export type BeforeStep<S extends string> = (step: S) => void | Promise<void>;

export interface AtomicWriteResult {
  /** False when the folder could not be flushed after the rename: the new content is in place, but a power cut right now might undo it. */
  durable: boolean;
}

/**
 * Throws (with the temporary file removed) only while the target still holds its old content;
 * after the rename the write has happened, and a failure to flush the folder is reported in the
 * result instead (some systems, Windows among them, cannot fsync a folder at all).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  options: { beforeStep?: BeforeStep<AtomicStep>; mode?: number } = {},
): Promise<AtomicWriteResult> {
  const step = options.beforeStep ?? (() => undefined);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await step("write-temp");
    const handle = await open(temp, "wx", options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await step("fsync-temp");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await step("rename");
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    await step("fsync-dir");
    await syncFolder(folder);
    return { durable: true };
  } catch {
    return { durable: false };
  }
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === "win32") return; // folders cannot be opened for fsync there; NTFS journals renames
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
