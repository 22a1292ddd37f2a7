/** What the project runs from elsewhere is pinned and checked: Electron's Node, install scripts, Electron's binary download. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTEGRITY, integrityOf, VERSION } from "../../../scripts/ensure-electron-node.mjs";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

describe("supply chain", () => {
  it("Electron's Node is an exact version with an integrity hash, and a tarball that differs is refused", () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(INTEGRITY).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-integrity-"));
    const file = path.join(dir, "node.tgz");
    fs.writeFileSync(file, "not the tarball");
    expect(integrityOf(file)).not.toBe(INTEGRITY);
    fs.rmSync(dir, { recursive: true });
    const installed = path.join(repoRoot, ".cache/electron-node-24/package/package.json");
    if (fs.existsSync(installed)) expect(JSON.parse(fs.readFileSync(installed, "utf8")).version).toBe(VERSION);
  });

  it("install scripts are approved for exact versions only, matching what is installed", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { allowScripts: Record<string, boolean> };
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; resolved?: string }> };
    for (const [spec, allowed] of Object.entries(pkg.allowScripts)) {
      if (!allowed) continue; // a denial may name every version
      const match = /^(@?[^@]+)@(\d+\.\d+\.\d+)$/.exec(spec);
      expect(match, `${spec} is pinned to one version`).not.toBeNull();
      const entry = lock.packages[`node_modules/${match![1]}`];
      expect(entry?.version, spec).toBe(match![2]);
      expect(entry?.resolved, `${spec} has its registry URL in the lockfile, so npm can check the pin`).toMatch(/^https:\/\/registry\.npmjs\.org\//);
    }
  });

  it("npm start on a machine that cannot reach Electron's download host says what failed and what to do, without a stack", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-electron-cache-"));
    const result = spawnSync(process.execPath, [path.join(repoRoot, "scripts/install-electron.mjs")], {
      encoding: "utf8",
      // A mirror on a loopback port nothing listens on; a fresh cache and dist path, so nothing is found already installed.
      env: { ...process.env, ELECTRON_MIRROR: "http://127.0.0.1:9/", electron_config_cache: cache, ELECTRON_OVERRIDE_DIST_PATH: path.join(cache, "dist") },
      timeout: 60_000,
    });
    fs.rmSync(cache, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Keyward could not download Electron");
    expect(result.stderr).toContain("http://127.0.0.1:9/ could not be reached");
    expect(result.stderr).toContain("ELECTRON_MIRROR=");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
