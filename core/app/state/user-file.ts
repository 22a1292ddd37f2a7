/**
 * Writes a file the user chose to save (a keys export, scan results, a review report): atomically,
 * its folder made if needed, readable as any document is (0644). A failure is an IpcError that
 * says what could not be written and why.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { IpcError } from "../../../shared/ipc/errors";
import { writeFileAtomic } from "../../vault/atomic-write";
import { ioError } from "../../vault/errors";

export async function writeUserFile(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes, { mode: 0o644 });
  } catch (error) {
    throw new IpcError("io", ioError(error, `write ${file}`).message);
  }
}
