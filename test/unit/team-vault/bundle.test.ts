/**
 * age-encryption is an ES module: check that the team vault works bundled the ways the app can
 * ship it, as an ES module with npm packages left external (electron-vite's main bundle) and as
 * one self-contained CommonJS file, each run by plain Node.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

// Inside the repository (a git-ignored `.keyward-*` folder), so an external import resolves from node_modules.
const script = `
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIdentity, decryptExport, encryptExport, TeamVault, teamExportPayload } from "./core/team-vault/index.ts";
const dir = mkdtempSync(join(tmpdir(), "keyward-bundle-"));
const alice = await createIdentity("Alice");
const vault = await TeamVault.create(join(dir, "t.kwteam"), alice, { name: "T" });
await vault.add({ kind: "note", label: "n", secret: "s3cret" });
vault.close();
const again = await TeamVault.open(join(dir, "t.kwteam"), alice);
const payload = await decryptExport(await encryptExport(teamExportPayload(again), { recipients: [alice] }), { identity: alice });
console.log(JSON.stringify({ secret: again.get(again.list()[0].id), exported: payload.entries.length }));
`;

/** CommonJS has no top-level await: the same script, its body in an async function. */
function cjsEntry(): string {
  const lines = script.trim().split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const body = lines.filter((line) => !line.startsWith("import "));
  return `${imports.join("\n")}\nvoid (async () => {\n${body.join("\n")}\n})();\n`;
}

async function bundleAndRun(format: "esm" | "cjs", external: boolean): Promise<unknown> {
  const folder = await mkdtemp(join(root, "test/unit/team-vault/.keyward-bundle-"));
  folders.push(folder);
  const outfile = join(folder, format === "esm" ? "main.mjs" : "main.cjs");
  await build({
    stdin: { contents: format === "cjs" ? cjsEntry() : script, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    platform: "node",
    target: "node20",
    format,
    outfile,
    packages: external ? "external" : undefined,
    logLevel: "silent",
  });
  return JSON.parse(execFileSync(process.execPath, [outfile], { encoding: "utf8" }).trim());
}

describe("the team vault in a Node bundle", () => {
  it("runs as an ES module bundle with age-encryption imported from node_modules", async () => {
    expect(await bundleAndRun("esm", true)).toEqual({ secret: "s3cret", exported: 1 });
  }, 60_000);

  it("runs as one self-contained CommonJS bundle", async () => {
    expect(await bundleAndRun("cjs", false)).toEqual({ secret: "s3cret", exported: 1 });
  }, 60_000);
});
