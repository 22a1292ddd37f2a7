/*
 * How core starts the `keyward` command line for the local workspace server: Electron's own
 * binary run as plain Node (ELECTRON_RUN_AS_NODE=1) on the CLI bundled beside the main process
 * (out/main/keyward-cli.js), so the app needs no separate Node. The server opens SQLite with
 * node:sqlite when better-sqlite3 is built for another ABI, so no native rebuild is needed.
 * Keep the RunAsNode fuse on in electron-builder.yml: turning it off breaks this launch.
 */
import type { CliLaunch } from "../../../core/workspace/local-workspace";

export function electronCliLaunch(cliBundle: string): CliLaunch {
  return {
    execPath: process.execPath,
    args: [cliBundle],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
  };
}
