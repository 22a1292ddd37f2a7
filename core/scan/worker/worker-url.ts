/**
 * Where the scan worker's code comes from. A bundled build (the desktop app, the packaged CLI)
 * emits `scan-worker.js` beside its code, or passes its path. Running from the TypeScript sources
 * (tsx, vitest), the worker is bundled once per process with esbuild, the compiler tsx and Vite
 * already use: a worker thread cannot load TypeScript, and tsx's loader inherited by a worker costs
 * hundreds of milliseconds per thread, where a plain bundle starts in about thirty.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";

let bundled: Promise<URL> | null = null;

export function scanWorkerUrl(explicit?: URL | string): Promise<URL> {
  if (explicit) return Promise.resolve(typeof explicit === "string" ? new URL(explicit, "file:///") : explicit);
  // Beside this code, or one folder up when a bundler put this code in a chunks/ folder.
  for (const candidate of ["./scan-worker.js", "../scan-worker.js"]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === "file:" && fs.existsSync(fileURLToPath(url))) return Promise.resolve(url);
  }
  bundled ??= bundleFromSources().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return bundled;
}

async function bundleFromSources(): Promise<URL> {
  const source = fileURLToPath(new URL("./scan-worker.ts", import.meta.url));
  // A variable specifier keeps bundlers from pulling the compiler into a build.
  const compiler = "esbuild";
  const { build } = (await import(compiler)) as typeof import("esbuild");
  const output = await build({ entryPoints: [source], bundle: true, platform: "node", format: "esm", target: "node20", write: false, logLevel: "silent" });
  const code = output.outputFiles[0]!.text;
  return new URL(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}
