/**
 * Runs `keyward server` as a real child process (tsx cli/keyward.ts server ...), on SQLite in a
 * folder or on PostgreSQL through DATABASE_URL, for tests that need several processes, signals or
 * crashes. Each process listens on a free loopback port; its log is kept for assertions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { openDatabase } from "../../server/db/connect";
import { createAdminToken } from "../../server/admin/admin-tokens";
import type { DatabaseTarget } from "./server-fixtures";

const CLI = path.resolve("cli/keyward.ts");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout (the request log) and stderr. */
  stdout(): string;
  stderr(): string;
  /** Sends the signal and answers the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function serverEnv(target: DatabaseTarget): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  return env;
}

export async function startServerProcess(target: DatabaseTarget, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--no-warnings", "--import", "tsx", CLI, "server", "--port", "0", "--data", target.dataDir, ...args], {
    env: serverEnv(target),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL"); // leave no process behind
      reject(new Error(`keyward server did not start within 30 s: ${err}`));
    }, 30_000);
    const check = () => {
      const match = /listening on (https?:\/\/[^\s]+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        child.stderr!.off("data", check);
        resolve(match[1]!);
      }
    };
    child.stderr!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`keyward server exited (${code}) before listening: ${err}`));
    });
  });
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Several processes on one workspace. The first starts alone: it makes the workspace's audit
 * signing key, which the others then load (two first starts at once race to make it).
 */
export async function startServerProcesses(target: DatabaseTarget, count: number, args: string[] = []): Promise<ServerProcess[]> {
  const first = await startServerProcess(target, args);
  const rest = await Promise.allSettled(Array.from({ length: count - 1 }, () => startServerProcess(target, args)));
  const started = [first, ...rest.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []))];
  const failed = rest.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) {
    // Leave no process behind when one of them could not start.
    await Promise.all(started.map((server) => server.stop("SIGTERM")));
    throw failed.reason;
  }
  return started;
}

/** An admin token for the target's database, made as `keyward server admin-token` does. */
export async function mintAdminToken(target: DatabaseTarget, name = "test-admin"): Promise<string> {
  const { db } = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  try {
    return (await createAdminToken(db, name, new Date())).token;
  } finally {
    await db.destroy();
  }
}

/** JSON over HTTP with a bearer credential; answers status and parsed body. */
export async function callJson(url: string, token: string, method = "GET", body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer shape
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const answer = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : null };
}
