/**
 * The local workspace server started the way the desktop app starts it: through the Electron
 * launcher (electron/main/platform/cli-launch.ts) and core's local-workspace code, with a stand-in
 * for utilityProcess.fork that behaves as Electron documents it (a separate Node process whose
 * process.argv is [execPath, modulePath, ...args], stdout and stderr piped, no stdin, SIGTERM on
 * kill()). Runs the CLI from source; the Electron binary is not needed.
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { startLocalWorkspace } from "../../../core/workspace/local-workspace";
import { electronCliLauncher } from "../../../electron/main/platform/cli-launch";

// The launcher imports electron for its default fork; this test passes its own.
vi.mock("electron", () => ({ utilityProcess: { fork: () => { throw new Error("not in this test"); } } }));

const repoRoot = path.resolve(import.meta.dirname, "../../..");

function utilityProcessFork(modulePath: string, args: string[] = []) {
  const child = spawn(process.execPath, ["--import", "tsx", modulePath, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const utility = Object.assign(new EventEmitter(), {
    stdout: child.stdout,
    stderr: child.stderr,
    pid: child.pid,
    kill: () => child.kill("SIGTERM"),
  });
  child.once("exit", (code) => utility.emit("exit", code ?? 0));
  return utility;
}

describe("the local workspace server in a utility process", () => {
  it("starts, answers with the minted admin token, and stops gracefully", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-utility-"));
    try {
      const launcher = electronCliLauncher(path.join(repoRoot, "cli/keyward.ts"), utilityProcessFork as never);
      const local = await startLocalWorkspace(launcher, dataDir);
      const answer = await fetch(`${local.url}/v1/api-keys?limit=1`, { headers: { authorization: `Bearer ${local.adminToken}` } });
      expect(answer.status).toBe(200);
      await local.stop();
      await expect(fetch(`${local.url}/v1/api-keys`)).rejects.toThrow();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
