/** The installed `keyward` command: package.json's bin runs the same command line as `npm run keyward`. */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { bin: Record<string, string> };

describe("the keyward command, as installed", () => {
  it("is package.json's bin, an executable script with a node shebang", () => {
    const file = path.join(repoRoot, pkg.bin.keyward!);
    expect(fs.readFileSync(file, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
  });

  it("answers --help with the commands, and exit 1 with a find like `npm run keyward -- scan`", () => {
    const file = path.join(repoRoot, pkg.bin.keyward!);
    expect(execFileSync(file, ["--help"], { encoding: "utf8" })).toMatch(/^Usage: keyward <command>[\s\S]*audit[\s\S]*scan[\s\S]*server/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bin-"));
    try {
      // A well-formed credential of no workspace (checksum valid), made by the project's own generator.
      const credential = execFileSync(process.execPath, ["--import", "tsx", "-e", 'import("./shared/credential/index.ts").then((m) => process.stdout.write(m.generateCredential("live")))'], { cwd: repoRoot, encoding: "utf8" });
      fs.writeFileSync(path.join(dir, "config.env"), `API_KEY=${credential}\n`);
      const run = spawnSync(file, ["scan", dir, "--format", "json"], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout).findings).toHaveLength(1);
      expect(run.stdout).not.toContain(credential);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
