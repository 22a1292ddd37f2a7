/*
 * Decides once, at start-up, where the renderer comes from, which origin may talk to the main
 * process, and where the data lives. Protects against an environment variable redirecting a
 * shipped app: ELECTRON_RENDERER_URL (a page that would be handed window.keyward) and
 * KEYWARD_DATA_DIR are honoured only when the app runs unpackaged (development and tests).
 * Pure: no electron import, so it is unit-tested under Node.
 */
import path from "node:path";
import { originOf } from "./trusted-origin";

export const APP_SCHEME = "app";
export const APP_HOST = "keyward";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface LaunchOptions {
  /** The first page: the dev server in development, app://keyward/index.html otherwise. */
  rendererUrl: string;
  /** The only origin whose main frame may call IPC and receive events. */
  trustedOrigin: string;
  /** Serve out/renderer over app:// (false while electron-vite's dev server serves it). */
  serveBuiltRenderer: boolean;
  /** Tests only: a fresh data folder instead of the OS's userData folder. */
  dataDirOverride: string | null;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function resolveLaunchOptions(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  const dataDir = isPackaged ? undefined : env.KEYWARD_DATA_DIR;
  if (dataDir !== undefined && dataDir !== "" && !path.isAbsolute(dataDir)) {
    throw new Error(`KEYWARD_DATA_DIR must be an absolute path, not "${dataDir}".`);
  }
  const dataDirOverride = dataDir ? dataDir : null;
  if (!devUrl) {
    return { rendererUrl: `${APP_ORIGIN}/index.html`, trustedOrigin: APP_ORIGIN, serveBuiltRenderer: true, dataDirOverride };
  }
  // The dev server gets the full bridge, so it must be a plain loopback http(s) URL.
  const origin = originOf(devUrl);
  const url = origin ? new URL(devUrl) : null;
  if (!url || !origin || (url.protocol !== "http:" && url.protocol !== "https:") || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`ELECTRON_RENDERER_URL must be a loopback http(s) URL, not "${devUrl}".`);
  }
  return { rendererUrl: url.href, trustedOrigin: origin, serveBuiltRenderer: false, dataDirOverride };
}

/** Where electron-vite puts the other bundles, relative to the built main process (out/main). */
export function bundlePaths(mainDir: string) {
  return {
    preload: path.join(mainDir, "../preload/index.cjs"),
    rendererDir: path.join(mainDir, "../renderer"),
    cli: path.join(mainDir, "keyward-cli.js"),
  };
}
