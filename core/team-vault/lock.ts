/**
 * Serializes saves of one team vault between processes of this machine: a lock file created
 * exclusively (O_EXCL), holding the owner's pid and a random token. It lives in the OS temp
 * folder, named after the vault's path, so it is never synced to other machines (their saves
 * meet through merging, not locking). A lock whose process is gone, or older than `staleMs`, is
 * taken over.
 */
import { createHash, randomBytes } from "node:crypto";
import { open, readFile, realpath, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { ioError, TeamVaultError } from "./errors";

export interface LockOptions {
  /** How long to wait for another process's save (default 15 s). */
  timeoutMs?: number;
  /** A lock older than this is abandoned (default 60 s; a save takes well under a second). */
  staleMs?: number;
  /** Where lock files live (default: the OS temp folder). */
  lockDir?: string;
}

async function lockPathOf(vaultPath: string, lockDir: string): Promise<string> {
  const folder = await realpath(dirname(resolve(vaultPath))).catch(() => dirname(resolve(vaultPath)));
  const key = createHash("sha256").update(join(folder, basename(vaultPath))).digest("hex").slice(0, 32);
  return join(lockDir, `keyward-team-${key}.lock`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

async function takeOverIfStale(lockPath: string, staleMs: number): Promise<void> {
  const text = await readFile(lockPath, "utf8").catch(() => null);
  if (text === null) return;
  let owner: { pid?: unknown; at?: unknown } = {};
  try {
    owner = JSON.parse(text) as typeof owner;
  } catch {
    // Half-written by a process that died between create and write: stale once old enough.
  }
  const age = typeof owner.at === "number" ? Date.now() - owner.at : Number.POSITIVE_INFINITY;
  const dead = typeof owner.pid === "number" && !processAlive(owner.pid);
  if (!dead && age < staleMs) return;
  // Unlink only what we judged: if another process took the lock meanwhile, its content differs.
  if ((await readFile(lockPath, "utf8").catch(() => null)) === text) await unlink(lockPath).catch(() => undefined);
}

export async function withLock<T>(vaultPath: string, action: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = await lockPathOf(vaultPath, options.lockDir ?? tmpdir());
  const token = randomBytes(12).toString("hex");
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: Date.now(), token }));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw ioError(error, `lock the team vault ${vaultPath}`);
      await takeOverIfStale(lockPath, options.staleMs ?? 60_000);
      if (Date.now() > deadline) throw new TeamVaultError("busy", "Another Keyward window or process is saving this team vault and has not finished. Try again in a moment.");
      await new Promise((resolveWait) => setTimeout(resolveWait, 10 + Math.random() * 30));
    }
  }
  try {
    return await action();
  } finally {
    const text = await readFile(lockPath, "utf8").catch(() => "");
    if (text.includes(token)) await unlink(lockPath).catch(() => undefined);
  }
}
