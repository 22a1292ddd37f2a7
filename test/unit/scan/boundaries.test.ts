/**
 * A credential cut in two by the read buffer is still found, once, at the right line and column,
 * whatever the buffer size, the encoding, and where the cut falls; checked exhaustively around
 * the cut, then on random documents (fast-check).
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { scanPath, scanStream } from "../../../core/scan";
import { displayForm } from "../../../shared/credential";
import { credential, removeTempDirs, tempDir, write } from "./support";

afterAll(removeTempDirs);

function positionIn(text: string, index: number) {
  const lines = text.slice(0, index).split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** Every place of every credential in a text, in order, by plain string search. */
function expected(text: string, secrets: string[]) {
  const places: { display: string; line: number; column: number }[] = [];
  for (const secret of new Set(secrets)) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) places.push({ display: displayForm(secret), ...positionIn(text, at) });
  }
  return places.sort((a, b) => a.line - b.line || a.column - b.column);
}

const found = (findings: { display: string; line: number; column: number }[]) =>
  findings.map(({ display, line, column }) => ({ display, line, column })).sort((a, b) => a.line - b.line || a.column - b.column);

describe("a credential across a read-buffer boundary", () => {
  for (const chunkBytes of [64, 100, 1000]) {
    it(`is found at every cut position (buffer of ${chunkBytes} bytes)`, async () => {
      const root = tempDir("cut");
      const cases: { file: string; secret: string; text: string }[] = [];
      // Starts from well before the first boundary to past it, in files of several chunks with
      // newlines before (so lines are counted across chunks) and after the credential.
      for (let start = chunkBytes - 50; start <= chunkBytes + 5; start++) {
        for (const chunksBefore of [0, 2]) {
          const secret = credential(start % 3 === 0 ? "admin" : "live");
          const lead = "ab\n".repeat(Math.floor((start + chunksBefore * chunkBytes) / 3)).padEnd(start + chunksBefore * chunkBytes, "x");
          const text = `${lead}${secret}\nafter ${"z".repeat(chunkBytes)}`;
          const file = `cut-${chunksBefore}-${start}.txt`;
          write(root, file, text);
          cases.push({ file, secret, text });
        }
      }
      const result = await scanPath({ root, chunkBytes, threads: 0 });
      for (const { file, secret, text } of cases) {
        const places = result.findings.filter((finding) => finding.file === file).map(({ line, column }) => ({ line, column }));
        expect(places, file).toEqual([positionIn(text, text.indexOf(secret))]);
      }
      expect(result.findings).toHaveLength(cases.length);
    });
  }
});

// Random documents: text (ASCII, accents, emoji, newlines, near-misses) with credentials between.
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("\n", "\r\n", "uo_", "uo_live_", "uo_test_x", "uo_adm_", "é", "🔑", "%20", "\\n", "key=", "\"", " "),
  fc.constantFrom("live", "test", "admin").map((flavor) => ({ secret: credential(flavor as "live") })),
);
const documents = fc.array(fragment, { minLength: 1, maxLength: 60 }).map((parts) => {
  const secrets = parts.filter((part): part is { secret: string } => typeof part === "object").map((part) => part.secret);
  const text = parts.map((part) => (typeof part === "object" ? part.secret : part)).join("");
  return { text, secrets };
});

describe("random documents", () => {
  it("files: every credential is found at its place, whatever the buffer size and encoding", async () => {
    const root = tempDir("random");
    await fc.assert(
      fc.asyncProperty(documents, fc.integer({ min: 48, max: 400 }), fc.constantFrom("utf8", "utf16le", "utf16be"), async ({ text, secrets }, chunkBytes, encoding) => {
        const bytes = encoding === "utf8" ? Buffer.from(text) : encoding === "utf16le" ? Buffer.from(`\ufeff${text}`, "utf16le") : Buffer.from(`\ufeff${text}`, "utf16le").swap16();
        write(root, "doc.txt", bytes);
        const result = await scanPath({ root, chunkBytes, threads: 0 });
        expect(found(result.findings)).toEqual(expected(text, secrets));
      }),
      { numRuns: 150 },
    );
  });

  it("standard input: the same, with the text arriving in pieces of random sizes", async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.integer({ min: 48, max: 400 }), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }), async ({ text, secrets }, chunkBytes, cuts) => {
        const bytes = Buffer.from(text);
        const pieces: Buffer[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length]!;
          pieces.push(bytes.subarray(at, at + size));
          at += size;
        }
        const result = await scanStream(Readable.from(pieces), { chunkBytes });
        expect(found(result.findings)).toEqual(expected(text, secrets));
      }),
      { numRuns: 150 },
    );
  });
});
