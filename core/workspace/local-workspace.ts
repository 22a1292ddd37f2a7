/*
 * Runs the reference server for the local workspace as a child process, with its data in the app's
 * data folder, and mints the app an admin token for this run (the previous run's is revoked). The
 * token lives in this process's memory only. The child binds 127.0.0.1 and ends when the app does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { IpcError } from "../../shared/ipc/errors";

/** How to run the `keyward` command line: under Electron, Electron itself as Node; in tests, tsx. */
export interface CliLaunch {
  execPath: string;
  /** Arguments before the command's own, e.g. ["--import", "tsx", "cli/keyward.ts"]. */
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface LocalWorkspace {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

const TOKEN_NAME = "Keyward desktop";
const START_TIMEOUT_MS = 30_000;

export async function startLocalWorkspace(launch: CliLaunch, dataDir: string): Promise<LocalWorkspace> {
  const adminToken = (await runToCompletion(launch, ["server", "admin-token", "--data", dataDir, "--name", TOKEN_NAME, "--replace"])).trim();
  const child = spawn(launch.execPath, [...launch.args, "server", "--port", "0", "--data", dataDir, "--exit-with-stdin"], {
    env: launch.env ?? process.env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const url = await waitForListening(child);
  let stopping: Promise<void> | null = null;
  return {
    url,
    adminToken,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      });
      return stopping;
    },
  };
}

function runToCompletion(launch: CliLaunch, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(launch.execPath, [...launch.args, ...args], { env: launch.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new IpcError("internal", `Could not start the local workspace: ${error.message}`)));
    child.on("exit", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new IpcError("internal", `Could not prepare the local workspace: ${lastLine(stderr) || `exit code ${code}`}`));
    });
  });
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => fail(`it did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new IpcError("internal", `The local workspace server failed to start: ${why}.`));
    };
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        child.stderr!.removeAllListeners("data");
        child.stderr!.resume();
        resolve(match[1]!);
      }
    });
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code) => fail(lastLine(log) || `exit code ${code}`));
  });
}

function lastLine(text: string): string {
  return text.trim().split("\n").at(-1) ?? "";
}
