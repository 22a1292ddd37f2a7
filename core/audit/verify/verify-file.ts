/**
 * Verifies an audit bundle file offline (docs/audit-bundle.md): its Ed25519 signature, the whole
 * hash chain, the head, and that the inventory is the one signed. Large files go through the
 * parallel verifier; small ones, and any bundle that is not valid, through the sequential one,
 * which says what is wrong.
 */
import { availableParallelism } from "node:os";
import { open, readFile } from "node:fs/promises";
import { malformedResult, type BundleVerification } from "./result";
import { verifyValidFast } from "./parallel";
import { verifyOwnedBytes, type VerifyOptions } from "./sequential";

export interface VerifyFileOptions extends VerifyOptions {
  /** Worker threads for the events (0: this thread only). Defaults to the cores, at most 4, for files from 4 MB. */
  workers?: number;
  blockBytes?: number;
  rangeBytes?: number;
}

const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
const MiB = 1024 * 1024;

export async function verifyAuditBundle(file: string, options: VerifyFileOptions = {}): Promise<BundleVerification> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return malformedResult(code === "ENOENT" ? `there is no file ${file}` : `the file ${file} cannot be read (${code ?? "error"})`, null);
  }
  try {
    const { size } = await handle.stat();
    const workers = options.workers ?? (size >= PARALLEL_FROM_BYTES ? Math.min(4, Math.max(1, availableParallelism())) : 0);
    if (workers > 0) {
      // Memory: (2 × workers + 2) slots of twice a block, about 48 MB with two workers, whatever the file's size.
      // A worker that could not start or stopped only costs speed: the sequential verifier decides.
      const fast = await verifyValidFast(handle, size, { ...options, workers, blockBytes: options.blockBytes ?? 4 * MiB, rangeBytes: options.rangeBytes ?? MiB }).catch((error: unknown) => {
        process.emitWarning(`Keyward: the parallel audit bundle verifier failed (${error instanceof Error ? error.message : String(error)}); verifying on one thread.`);
        return null;
      });
      if (fast) return fast;
    }
  } finally {
    await handle.close();
  }
  // The sequential verifier rewrites the bytes it reads: it gets a fresh copy of the file.
  return verifyOwnedBytes(await readFile(file), options);
}
