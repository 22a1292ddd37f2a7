/**
 * Scans texts held whole in memory: git blobs, or the index's version of a staged file.
 * Same rules as files: binary skipped, UTF-16 transcoded. Secrets stay here: see findInBytes.
 */
import { scanBuffer, type PlacedFind } from "./chunk-scanner";
import { sniff } from "./encoding";
import { Utf16Transcoder } from "./encoding";

export type BlobOutcome = { scanned: true; finds: PlacedFind[] } | { scanned: false; reason: "binary" };

let scratch = Buffer.alloc(0);

export function scanBlob(blob: Buffer): BlobOutcome {
  const head = sniff(blob);
  if (head.kind === "binary") return { scanned: false, reason: "binary" };
  if (head.kind === "text") return { scanned: true, finds: scanBuffer(blob, "utf8", head.bomBytes > 0 ? -1 : 0) };
  const units = (blob.length - head.bomBytes) >> 1;
  if (scratch.length < units + 1) scratch = Buffer.allocUnsafe(Math.max(units + 1, scratch.length * 2));
  const written = new Utf16Transcoder(head.bigEndian).transcode(blob.subarray(head.bomBytes), scratch, 0);
  return { scanned: true, finds: scanBuffer(scratch.subarray(0, written), "single") };
}
