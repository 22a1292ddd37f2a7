/**
 * Every file that handles a secret (a key's secret, an admin token, a passphrase, the vault's data
 * key) opens with a threat-model header: what it protects against, and what it does not.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const ROOTS = ["core", "electron", "server", "renderer/src", "shared", "cli", "test/harness"];
// Code that touches a secret (comments do not count; a chart's `dataKey=` prop is not the vault's data key).
const HANDLES_SECRET = /(\.secret\b|\bsecret:|secretOf\(|\badminToken\b|\bpassphrase\b|\bdataKey\b(?!=)|\bsecret\)|\(secret\b|, secret\b)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

export function needsHeader(source: string): boolean {
  const code = source
    .split("\n")
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .join("\n");
  return HANDLES_SECRET.test(code);
}

export function hasHeader(source: string): boolean {
  const head = /^\s*\/\*[\s\S]*?\*\//.exec(source)?.[0].replace(/\s*\*\s*/g, " ").replace(/\s+/g, " ") ?? "";
  return /Protects against/.test(head) && /[Dd]oes not protect against/.test(head);
}

describe("threat-model headers", () => {
  it("open every file that handles a secret", () => {
    const missing = ROOTS.flatMap((root) => sourceFiles(path.join(repoRoot, root)))
      .filter((file) => {
        const source = fs.readFileSync(file, "utf8");
        return needsHeader(source) && !hasHeader(source);
      })
      .map((file) => path.relative(repoRoot, file));
    expect(missing).toEqual([]);
  });

  it("tell a file that handles a secret from one that does not", () => {
    expect(needsHeader("const x = vault.secretOf(id);")).toBe(true);
    expect(needsHeader("// the secret is never here\nconst x = 1;")).toBe(false);
    expect(hasHeader("/*\n * Does it.\n * Protects against: a leak. Does not\n * protect against: malware.\n */\ncode")).toBe(true);
    expect(hasHeader("/** Does it. */\ncode")).toBe(false);
  });
});
