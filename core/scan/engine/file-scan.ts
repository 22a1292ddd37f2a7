/**
 * Scans one file of the working tree with the worker's fixed buffers.
 * Protects against reading outside the scanned folder through a symlink: the file is opened with
 * O_NOFOLLOW, so a symlink (to `/`, to a file elsewhere) fails to open and is skipped, never read;
 * O_NONBLOCK keeps a FIFO from hanging the scan. Secrets stay in this thread: see findInBytes.
 */
import fs from "node:fs";
import { ChunkScanner, type PlacedFind } from "./chunk-scanner";
import { sniff, Utf16Transcoder } from "./encoding";

export type SkipReason = "binary" | "too_large" | "symlink" | "special" | "unreadable";

/** `gone`: listed but deleted since (git lists a tracked file deleted from disk): not a skip worth reporting. */
export type FileOutcome = { scanned: true; bytes: number; finds: PlacedFind[] } | { scanned: false; reason: SkipReason | "gone"; directory?: boolean };

// Windows has no O_NOFOLLOW: there an lstat before opening keeps symlinks out instead.
const NO_FOLLOW = fs.constants.O_NOFOLLOW;
const OPEN_FLAGS = fs.constants.O_RDONLY | (NO_FOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

export interface FileScanBuffers {
  scanner: ChunkScanner;
  /** For UTF-16 files: raw bytes before transcoding; as large as the scanner's chunk. */
  raw: Buffer;
}

export function createFileScanBuffers(chunkBytes: number): FileScanBuffers {
  return { scanner: new ChunkScanner(chunkBytes), raw: Buffer.allocUnsafe(chunkBytes) };
}

/**
 * No fstat: the listing already knows a regular file from a directory (a directory from git's
 * list fails its first read with EISDIR), and reading until a short read gives the size. A file
 * over the limit is read up to the limit, then skipped.
 */
export function scanFile(file: string, maxFileBytes: number, buffers: FileScanBuffers): FileOutcome {
  let fd: number;
  try {
    if (NO_FOLLOW === undefined && fs.lstatSync(file).isSymbolicLink()) return { scanned: false, reason: "symlink" };
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { scanned: false, reason: code === "ELOOP" || code === "EMLINK" ? "symlink" : code === "ENOENT" ? "gone" : "unreadable" };
  }
  try {
    const outcome = readAndScan(fd, maxFileBytes, buffers, false);
    if (outcome.scanned && outcome.unplaced) {
      // A find past the first chunk of a file whose lines were not counted: read it again, counting.
      return readAndScan(fd, maxFileBytes, buffers, true);
    }
    return outcome;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EISDIR") return { scanned: false, reason: "special", directory: true };
    return { scanned: false, reason: "unreadable" };
  } finally {
    fs.closeSync(fd);
  }
}

type ReadOutcome = FileOutcome & { unplaced?: boolean };

function readAndScan(fd: number, maxFileBytes: number, buffers: FileScanBuffers, countLines: boolean): ReadOutcome {
  const scanner = countLines ? new ChunkScanner(buffers.raw.length, true) : buffers.scanner;
  scanner.reset("utf8");
  const chunk = buffers.raw.length;
  let read = fs.readSync(fd, scanner.buffer, 0, chunk, 0);
  let position = read;
  const head = sniff(scanner.buffer.subarray(0, read));
  if (head.kind === "binary") return { scanned: false, reason: "binary" };
  if (head.kind === "utf16") return scanUtf16(fd, read, maxFileBytes, head, scanner, buffers.raw);
  if (head.bomBytes > 0) scanner.reset("utf8", -1);
  // A short read is the end of a regular file: no second read to learn it.
  for (;;) {
    if (position > maxFileBytes) return { scanned: false, reason: "too_large" };
    const last = read < chunk;
    scanner.commit(read, last);
    if (last) break;
    read = fs.readSync(fd, scanner.buffer, scanner.writeAt, chunk, position);
    position += read;
  }
  const { finds, unplaced } = scanner.outcome();
  return { scanned: true, bytes: position, finds, unplaced };
}

function scanUtf16(fd: number, firstLength: number, maxFileBytes: number, head: { bigEndian: boolean; bomBytes: number }, scanner: ChunkScanner, raw: Buffer): ReadOutcome {
  // The first read is in the scanner's buffer: move it out, then transcode chunk by chunk.
  scanner.buffer.copy(raw, 0, 0, firstLength);
  scanner.reset("single");
  const transcoder = new Utf16Transcoder(head.bigEndian);
  let length = firstLength;
  let start = head.bomBytes;
  let position = firstLength;
  for (;;) {
    if (position > maxFileBytes) return { scanned: false, reason: "too_large" };
    const units = transcoder.transcode(raw.subarray(start, length), scanner.buffer, scanner.writeAt);
    // The scanner's room (a chunk and the carry) takes the units of a chunk of bytes twice over.
    const last = length < raw.length;
    scanner.commit(units, last);
    if (last) break;
    length = fs.readSync(fd, raw, 0, raw.length, position);
    position += length;
    start = 0;
  }
  const { finds, unplaced } = scanner.outcome();
  return { scanned: true, bytes: position, finds, unplaced };
}
