/** The packaged app's Electron fuses (electron-builder.yml), and that nothing depends on RunAsNode. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const config = parse(fs.readFileSync(path.join(repoRoot, "electron-builder.yml"), "utf8")) as { electronFuses: Record<string, boolean> };

describe("Electron fuses", () => {
  it("turn off running as Node, Node's inspect arguments and NODE_OPTIONS, and check the asar", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("no code of the app sets ELECTRON_RUN_AS_NODE (the fuse would break it)", () => {
    const found = execFileSync("git", ["grep", "-l", "ELECTRON_RUN_AS_NODE", "--", "electron", "core", "cli", "server", "shared"], { cwd: repoRoot, encoding: "utf8" }).trim();
    // Only the comment explaining why the utility process is used may name it.
    expect(found.split("\n").filter(Boolean)).toEqual(["electron/main/platform/cli-launch.ts"]);
  });
});
