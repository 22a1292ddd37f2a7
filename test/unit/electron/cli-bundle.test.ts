/**
 * The `keyward` command line as the desktop app ships it (out/main/keyward-cli.js, run by
 * Electron as Node for the local workspace server). Runs under plain Node here; skipped until
 * `npm run build` has produced the bundle.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const bundle = path.resolve(import.meta.dirname, "../../../out/main/keyward-cli.js");
const run = (...args: string[]) => execFileSync(process.execPath, [bundle, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe.skipIf(!fs.existsSync(bundle))("the bundled keyward CLI (out/main/keyward-cli.js; skipped until `npm run build`)", () => {
  it("prints the server's usage", () => {
    expect(run("server", "--help")).toContain("keyward server admin-token");
  });

  it("mints an admin token on a fresh data folder, with better-sqlite3 loaded from node_modules", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-cli-bundle-"));
    try {
      const token = run("server", "admin-token", "--data", dataDir, "--name", "bundle-test").trim();
      expect(token).toMatch(/^\S{20,}$/);
      expect(fs.existsSync(path.join(dataDir, "keyward.sqlite"))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
