/**
 * How the app runs its `keyward` command line (the local workspace server, and the admin-token
 * command before it). In Electron it is a utility process forked from the bundled CLI, so the app
 * needs neither a separate Node nor the RunAsNode fuse; in tests and the browser harness it is a
 * Node child process. Both answer the same small shape.
 */
import { spawn } from "node:child_process";

export interface CliProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Asks the process to stop (SIGTERM: the server writes its pending counts and closes). */
  stop(): void;
  /** Ends it at once. */
  kill(): void;
  onExit(listener: (code: number | null) => void): void;
  onError(listener: (error: Error) => void): void;
  readonly exited: boolean;
}

export interface CliLauncher {
  /**
   * Runs `keyward <args>` with stdout and stderr piped. `lifetime: "app"` ties the process to the
   * app's: it ends when the app does, even when the app is killed.
   */
  start(args: string[], options?: { lifetime?: "app" | "own" }): CliProcess;
}

/** A Node child process: `execPath ...prefixArgs <args>` (tests run the CLI from source with tsx). */
export function nodeCliLauncher(execPath: string, prefixArgs: string[], env: NodeJS.ProcessEnv = process.env): CliLauncher {
  return {
    start(args, options = {}) {
      // A closed stdin is how a child learns its parent is gone, however the parent ended.
      const tied = options.lifetime === "app";
      const child = spawn(execPath, [...prefixArgs, ...args, ...(tied ? ["--exit-with-stdin"] : [])], { env, stdio: [tied ? "pipe" : "ignore", "pipe", "pipe"] });
      let exited = false;
      child.once("exit", () => (exited = true));
      return {
        stdout: child.stdout,
        stderr: child.stderr,
        stop: () => void child.kill("SIGTERM"),
        kill: () => void child.kill("SIGKILL"),
        onExit: (listener) => void child.once("exit", (code) => listener(code)),
        onError: (listener) => void child.once("error", listener),
        get exited() {
          return exited || child.exitCode !== null || child.signalCode !== null;
        },
      };
    },
  };
}
