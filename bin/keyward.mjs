#!/usr/bin/env node
// The installed `keyward` command (package.json "bin"; `npm link` or `npm install -g .` puts it on
// the PATH). It runs the built command line (out/main/keyward-cli.js, made by `npm run build`), or,
// in a checkout that has not been built, the TypeScript sources through tsx, as `npm run keyward` does.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const built = fileURLToPath(new URL("../out/main/keyward-cli.js", import.meta.url));
if (existsSync(built)) {
  await import(built);
} else {
  const sources = fileURLToPath(new URL("../cli/keyward.ts", import.meta.url));
  let tsx;
  try {
    tsx = createRequire(import.meta.url).resolve("tsx");
  } catch {
    console.error("keyward: not built yet. Run `npm run build` in the Keyward folder first.");
    process.exit(2);
  }
  const run = spawnSync(process.execPath, ["--import", tsx, sources, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}
