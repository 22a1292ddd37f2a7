/** Credentials planted in the shapes real files have are all found, at the right place; look-alikes are not. */
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { displayForm } from "../../../shared/credential";
import { scanPath, type ScanResult } from "../../../core/scan";
import { credential, expectNoSecret, lookAlike, removeTempDirs, tempDir, write } from "./support";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
afterAll(removeTempDirs);

function place(result: ScanResult, secret: string) {
  return result.findings.filter((finding) => finding.sha256 === sha(secret)).map(({ file, line, column }) => ({ file, line, column }));
}

/** Line and column (1-based, UTF-16 code units) of `secret` in `text`, as an editor counts them. */
function positionIn(text: string, secret: string) {
  const before = text.slice(0, text.indexOf(secret));
  const lines = before.split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

describe("credentials in the shapes files have", async () => {
  const root = tempDir("shapes");
  const keys = {
    json: credential("live"),
    yaml: credential("test"),
    env: credential("admin"),
    minified: credential("live"),
    utf16le: credential("live"),
    utf16be: credential("test"),
    utf16noBom: credential("admin"),
    urlEncoded: credential("live"),
    escapedNewline: credential("test"),
    crlf: credential("live"),
    multibyte: credential("live"),
  };
  const texts: Record<keyof typeof keys, [string, string]> = {
    json: ["config/app.json", JSON.stringify({ service: { name: "billing", apiKey: keys.json } }, null, 2)],
    yaml: ["deploy/values.yaml", `image: app\nenv:\n  - name: KEY\n    value: "${keys.yaml}"\n`],
    env: [".env", `# local settings\nDEBUG=1\nKEYWARD_ADMIN_TOKEN=${keys.env}\n`],
    // One line of 1 MB (a minified bundle) with the key near its end.
    minified: ["dist/bundle.min.js", `${"var a=1;".repeat(131_000)}const k="${keys.minified}";`],
    utf16le: ["win/settings-le.txt", `line one\r\ntoken = ${keys.utf16le}\r\n`],
    utf16be: ["win/settings-be.txt", `line one\nkey: ${keys.utf16be}\n`],
    utf16noBom: ["win/no-bom.txt", `first\nsecond ${keys.utf16noBom}\n`],
    urlEncoded: ["logs/access.log", `GET /v1/feedback?auth=Bearer%20${keys.urlEncoded} 200\n`],
    escapedNewline: ["fixtures/escaped.json", `{"text":"header\\n${keys.escapedNewline}\\nfooter"}`],
    crlf: ["crlf.ini", `[a]\r\nkey=${keys.crlf}\r\n`],
    multibyte: ["notes.md", `Schlüssel für Ünicode 🔑: ${keys.multibyte}\n`],
  };
  for (const [name, [file, text]] of Object.entries(texts)) {
    if (name === "utf16le") write(root, file, Buffer.from(`\ufeff${text}`, "utf16le"));
    else if (name === "utf16be") write(root, file, Buffer.from(`\ufeff${text}`, "utf16le").swap16());
    else if (name === "utf16noBom") write(root, file, Buffer.from(text, "utf16le"));
    else write(root, file, text);
  }
  // Look-alikes: a wrong checksum, one character short, an unknown prefix.
  const real = credential("live");
  write(root, "lookalikes.txt", [lookAlike(real), real.slice(0, -1), real.replace("uo_live_", "uo_prod_"), lookAlike(credential("admin"))].join("\n"));
  const result = await scanPath({ root });

  it("finds each one once, at its line and column (UTF-16 code units)", () => {
    for (const [name, [file, text]] of Object.entries(texts)) {
      const secret = keys[name as keyof typeof keys];
      expect(place(result, secret), name).toEqual([{ file, ...positionIn(text, secret) }]);
    }
    // Counted by hand: "KEYWARD_ADMIN_TOKEN=" is 20 characters; "Schlüssel für Ünicode 🔑: " is
    // 9 + 1 + 3 + 1 + 7 + 1 + 2 (the emoji: two UTF-16 code units) + 2 = 26.
    expect(place(result, keys.env)).toEqual([{ file: ".env", line: 3, column: 21 }]);
    expect(place(result, keys.multibyte)).toEqual([{ file: "notes.md", line: 1, column: 27 }]);
    expect(place(result, keys.minified)[0]!.column).toBe(1_048_000 + 10);
  });

  it("finds nothing else: look-alikes with a wrong checksum, length or prefix are not credentials", () => {
    expect(result.findings).toHaveLength(Object.keys(keys).length);
    expect(result.findings.some((finding) => finding.file === "lookalikes.txt")).toBe(false);
  });

  it("reports the display form and kind, never the secret", () => {
    const env = result.findings.find((finding) => finding.file === ".env")!;
    expect(env).toMatchObject({ display: displayForm(keys.env), kind: "admin", commits: [], inWorkingTree: true });
    expectNoSecret(Object.values(keys), JSON.stringify(result));
  });
});
