/**
 * Launches the built desktop app (out/main/index.js) under Playwright with a fresh data folder,
 * or says why it cannot: `require("electron")` from Node returns the binary's path, and throws
 * when the binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { _electron as electron, type ElectronApplication } from "@playwright/test";

export const SKIP_MESSAGE = "Electron binary not installed: skipped";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const mainEntry = path.join(repoRoot, "out/main/index.js");

export function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)("electron") as unknown;
    return typeof binary === "string" && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  dataDir: string;
  close(): Promise<void>;
}

export async function launchApp(binary: string): Promise<LaunchedApp> {
  if (!fs.existsSync(mainEntry)) throw new Error(`No built app at ${mainEntry}: run \`npm run build\` first.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-electron-"));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The built renderer over app://, never a dev server; and the app as an app, not as Node.
    if (value !== undefined && key !== "ELECTRON_RENDERER_URL" && key !== "ELECTRON_RUN_AS_NODE") env[key] = value;
  }
  env.KEYWARD_DATA_DIR = dataDir;
  const app = await electron.launch({ executablePath: binary, args: [mainEntry], env, cwd: repoRoot });
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
