/** Runs test/e2e/support/integration-client.mjs as a separate process: the integration being rotated. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface IntegrationStats {
  requests: number;
  failed: number;
  failures: string[];
  keysUsed: string[];
}

export interface Integration {
  /** What a user does when updating the integration: put the new key where it reads its key. */
  useKey(secret: string): void;
  stop(): Promise<IntegrationStats>;
}

export function startIntegration(workspaceUrl: string, secret: string, userAgent = "zapier-client/2.1"): Integration {
  const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyward-integration-")), "key");
  const write = (value: string) => {
    // Atomic, so the client never reads half a key.
    fs.writeFileSync(`${keyFile}.tmp`, value);
    fs.renameSync(`${keyFile}.tmp`, keyFile);
  };
  write(secret);
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "integration-client.mjs"), workspaceUrl, keyFile, userAgent], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    useKey: write,
    stop: () =>
      new Promise((resolve, reject) => {
        child.once("exit", () => {
          try {
            resolve(JSON.parse(output) as IntegrationStats);
          } catch (error) {
            reject(error);
          }
        });
        child.kill("SIGTERM");
      }),
  };
}
