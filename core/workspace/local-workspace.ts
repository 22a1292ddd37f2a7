/*
 * Runs the reference server for the local workspace as a child process, with its data in the app's
 * data folder, and mints the app an admin token for this run (the previous run's is revoked).
 * Protects against: the token outliving the run (it lives in this process's memory only, and the
 * next start revokes it) and the server being reachable from the network (it binds 127.0.0.1).
 * Does not protect against: other programs of the same user on this machine, which can reach
 * 127.0.0.1 but not the token. The child ends when the app does.
 */
import { IpcError } from "../../shared/ipc/errors";
import type { CliLauncher, CliProcess } from "./cli-launcher";

export interface LocalWorkspace {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

const TOKEN_NAME = "Keyward desktop";
const START_TIMEOUT_MS = 60_000;

export async function startLocalWorkspace(launcher: CliLauncher, dataDir: string): Promise<LocalWorkspace> {
  const adminToken = (await runToCompletion(launcher, ["server", "admin-token", "--data", dataDir, "--name", TOKEN_NAME, "--replace"])).trim();
  const child = launcher.start(["server", "--port", "0", "--data", dataDir], { lifetime: "app" });
  child.stdout?.resume();
  const url = await waitForListening(child);
  let stopping: Promise<void> | null = null;
  return {
    url,
    adminToken,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exited) return resolve();
        const force = setTimeout(() => child.kill(), 5000);
        child.onExit(() => {
          clearTimeout(force);
          resolve();
        });
        child.stop();
      });
      return stopping;
    },
  };
}

function runToCompletion(launcher: CliLauncher, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = launcher.start(args);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.onError((error) => reject(new IpcError("internal", `Could not start the local workspace: ${error.message}`)));
    child.onExit((code) => {
      if (code === 0) resolve(stdout);
      else reject(new IpcError("internal", `Could not prepare the local workspace: ${lastLine(stderr) || `exit code ${code}`}`));
    });
  });
}

function waitForListening(child: CliProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => fail(`it did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill();
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
    child.onError((error) => fail(error.message));
    child.onExit((code) => fail(lastLine(log) || `exit code ${code}`));
  });
}

function lastLine(text: string): string {
  return text.trim().split("\n").at(-1) ?? "";
}
