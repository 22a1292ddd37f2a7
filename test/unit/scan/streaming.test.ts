/**
 * Memory stays flat whatever the size: half a gigabyte streamed through the scanner, with
 * credentials at its start, across chunk boundaries and at its very end, is scanned without the
 * process growing by anything like the text's size.
 */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { scanStream } from "../../../core/scan";
import { displayForm } from "../../../shared/credential";
import { credential } from "./support";

const MIB = 1024 * 1024;
const CHUNKS = 512;

describe("a stream of 512 MiB", () => {
  it("is scanned in fixed memory, every credential found", async () => {
    const first = credential("live");
    const split = credential("test");
    const last = credential("admin");
    const line = Buffer.from("2026-01-01T00:00:00Z GET /v1/feedback 200 12ms ok\n");
    let peak = 0;
    const start = process.memoryUsage().rss;
    async function* text() {
      for (let i = 0; i < CHUNKS; i++) {
        const chunk = Buffer.alloc(MIB, line);
        if (i === 0) chunk.write(first, 0, "latin1");
        // Half of this credential ends one chunk, half starts the next.
        if (i === CHUNKS / 2) chunk.write(split.slice(0, 20), MIB - 20, "latin1");
        if (i === CHUNKS / 2 + 1) chunk.write(split.slice(20), 0, "latin1");
        if (i === CHUNKS - 1) chunk.write(last, MIB - last.length, "latin1");
        peak = Math.max(peak, process.memoryUsage().rss);
        yield chunk;
      }
    }
    const result = await scanStream(Readable.from(text(), { objectMode: false, highWaterMark: MIB }));
    expect(result.stats.bytes).toBe(CHUNKS * MIB);
    expect(result.findings.map((finding) => finding.display)).toEqual([first, split, last].map(displayForm));
    expect(result.findings[0]).toMatchObject({ file: "-", line: 1, column: 1 });
    // The text is 512 MiB; the scanner holds one 1 MiB buffer. What grows is garbage awaiting collection.
    expect(peak - start).toBeLessThan(192 * MIB);
  });
});
