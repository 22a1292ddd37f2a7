/**
 * Launches the built desktop app (out/main/index.js) under Playwright with a fresh data folder,
 * or says why it cannot: the Electron binary is installed only by `npx install-electron` (or a
 * first `npx electron`); npm no longer downloads it. The binary is looked up the way the electron
 * package does (its path.txt, under dist/ or ELECTRON_OVERRIDE_DIST_PATH) without
 * `require("electron")`, which in Electron 45's package starts a download when the binary is missing.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { _electron as electron, type ElectronApplication } from "@playwright/test";

export const SKIP_MESSAGE = "Electron binary not installed (npx install-electron): skipped";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const mainEntry = path.join(repoRoot, "out/main/index.js");

export function electronBinary(): string | null {
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve("electron/package.json"));
    const executable = fs.readFileSync(path.join(packageDir, "path.txt"), "utf8");
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, "dist"), executable);
    return fs.existsSync(binary) ? binary : null;
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
