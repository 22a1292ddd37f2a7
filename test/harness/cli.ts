/** `npm run harness -- --port P [--workspace URL --admin-token T] [--data DIR] [--keychain memory]`: prints the page URL.
 * Protects against: nothing beyond the harness's session token; a test tool that holds an admin
 * token in memory. Does not protect against: other local users, who should not run it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startHarness } from "./harness-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    workspace: { type: "string" },
    "admin-token": { type: "string" },
    data: { type: "string" },
    keychain: { type: "string", default: "none" },
  },
});
if (Boolean(values.workspace) !== Boolean(values["admin-token"])) {
  console.error("--workspace and --admin-token go together.");
  process.exit(2);
}
const repoRoot = path.resolve(import.meta.dirname, "../..");
const dataDir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), "keyward-harness-"));
const harness = await startHarness({
  port: Number(values.port),
  dataDir,
  rendererDir: path.join(repoRoot, "out/renderer"),
  repoRoot,
  keychain: values.keychain === "memory" ? "memory" : "none",
  ...(values.workspace ? { workspace: { url: values.workspace, adminToken: values["admin-token"]! } } : {}),
});
console.log(harness.pageUrl);
console.error(`Keyward browser harness (data in ${dataDir}). Ctrl-C to stop.`);
const stop = () => void harness.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
