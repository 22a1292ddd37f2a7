/**
 * Scans a stream (standard input, a pipe) as it arrives, in this thread: a pipe is read once and
 * no faster than it is written, so workers would only wait. Lines are counted as the chunks pass,
 * since the text cannot be read again. UTF-16 is recognised from the first bytes.
 * Secrets stay in this function's buffer; findings carry hashes and display forms only.
 */
import type { Readable } from "node:stream";
import { cancelled } from "./cancel";
import { ChunkScanner } from "./engine/chunk-scanner";
import { sniff, SNIFF_BYTES, Utf16Transcoder } from "./engine/encoding";
import { FindingSet } from "./findings";
import type { KeyLookup } from "./match";
import { settleFindings } from "./settle";
import { DEFAULT_CHUNK_BYTES } from "./scan-path";
import type { ScanResult } from "./types";

export interface StreamScanOptions {
  /** The name findings carry as their file (default "-"). */
  name?: string;
  signal?: AbortSignal;
  lookup?: KeyLookup;
  chunkBytes?: number;
}

export async function scanStream(stream: Readable, options: StreamScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const scanner = new ChunkScanner(options.chunkBytes ?? DEFAULT_CHUNK_BYTES, true);
  let transcoder: Utf16Transcoder | null = null;
  let head: Buffer[] | null = [];
  let headBytes = 0;
  let bytes = 0;

  const feed = (chunk: Buffer, last: boolean) => {
    let at = 0;
    while (at < chunk.length || last) {
      if (transcoder) {
        // Half the room in bytes fills it with units.
        const take = Math.min(chunk.length - at, (scanner.room - 1) * 2);
        const units = transcoder.transcode(chunk.subarray(at, at + take), scanner.buffer, scanner.writeAt);
        at += take;
        scanner.commit(units, last && at >= chunk.length);
      } else {
        const take = Math.min(chunk.length - at, scanner.room);
        chunk.copy(scanner.buffer, scanner.writeAt, at, at + take);
        at += take;
        scanner.commit(take, last && at >= chunk.length);
      }
      if (at >= chunk.length) break;
    }
  };
  const start = () => {
    const first = Buffer.concat(head!);
    head = null;
    const sniffed = sniff(first);
    // A stream is what the user chose to scan: binary content is searched too, as bytes.
    if (sniffed.kind === "utf16") {
      transcoder = new Utf16Transcoder(sniffed.bigEndian);
      scanner.reset("single");
      return first.subarray(sniffed.bomBytes);
    }
    scanner.reset("utf8", sniffed.kind === "text" && sniffed.bomBytes > 0 ? -1 : 0);
    return first;
  };

  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    if (options.signal?.aborted) throw cancelled();
    const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    bytes += data.length;
    if (head) {
      head.push(data);
      headBytes += data.length;
      if (headBytes >= SNIFF_BYTES) feed(start(), false);
    } else {
      feed(data, false);
    }
  }
  feed(head ? start() : Buffer.alloc(0), true);

  const findings = new FindingSet();
  for (const find of scanner.outcome().finds) findings.addWorkingTree(options.name ?? "-", find);
  const result: ScanResult = {
    root: options.name ?? "-",
    listing: "stdin",
    history: false,
    findings: [],
    allowed: [],
    stats: { files: 1, bytes, blobs: 0, blobBytes: 0, skipped: { binary: 0, too_large: 0, symlink: 0, special: 0, unreadable: 0 }, threads: 0, durationMs: 0 },
    matched: false,
    warnings: [],
  };
  await settleFindings(result, findings, { lookup: options.lookup, signal: options.signal });
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
}
