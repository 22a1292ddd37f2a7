/*
 * How core runs the `keyward` command line for the local workspace server: a utility process
 * forked from the CLI bundled beside the main process (out/main/keyward-cli.js). Utility processes
 * are Node environments that Electron starts and ends with the app, so the app needs neither a
 * separate Node nor ELECTRON_RUN_AS_NODE, and the RunAsNode fuse stays off (electron-builder.yml):
 * nobody can run arbitrary code under Keyward's signed identity. The server opens SQLite with
 * node:sqlite when better-sqlite3 is built for another ABI, so no native rebuild is needed.
 */
import { utilityProcess, type UtilityProcess } from "electron";
import type { CliLauncher, CliProcess } from "../../../core/workspace/cli-launcher";

/** `fork` is a parameter so tests can pass a stand-in for Electron's utilityProcess. */
export function electronCliLauncher(cliBundle: string, fork: typeof utilityProcess.fork = utilityProcess.fork): CliLauncher {
  return {
    start(args) {
      // A utility process always ends with the app, so `lifetime` needs nothing more here.
      const child: UtilityProcess = fork(cliBundle, args, { stdio: "pipe", serviceName: "Keyward workspace server" });
      let exited = false;
      child.once("exit", () => (exited = true));
      return wrap(child, () => exited);
    },
  };
}

function wrap(child: UtilityProcess, exited: () => boolean): CliProcess {
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    // On POSIX kill() sends SIGTERM, which the server answers by writing its counts and closing.
    stop: () => void child.kill(),
    kill: () => {
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
    onExit: (listener) => void child.once("exit", (code: number) => listener(code)),
    onError: (listener) => void child.once("error", (type: string, location: string) => listener(new Error(`${type} at ${location}`))),
    get exited() {
      return exited();
    },
  };
}
