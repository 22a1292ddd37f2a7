import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

// Three bundles: the main process (with the `keyward` command line beside it, which the app runs
// as Node for its local workspace server), the sandboxed preload (one self-contained CommonJS
// file, since a sandboxed preload can require nothing but "electron"), and the React renderer.
// The main bundles keep npm dependencies external (better-sqlite3 is native and cannot be
// bundled); electron-builder packages them from node_modules.
// KEYWARD_OUT builds elsewhere than out/ (two builds side by side, e.g. a test run beside a build).
const out = process.env.KEYWARD_OUT ? resolve(process.env.KEYWARD_OUT) : resolve(__dirname, "out");

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, "main"),
      rollupOptions: {
        input: {
          index: resolve(__dirname, "electron/main/index.ts"),
          "keyward-cli": resolve(__dirname, "cli/keyward.ts"),
          // The leak scanner's worker threads load this file from beside the bundle (core/scan/worker/worker-url.ts).
          "scan-worker": resolve(__dirname, "core/scan/worker/scan-worker.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, "preload"),
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, "electron/preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, "renderer"),
    plugins: [react()],
    build: {
      outDir: resolve(out, "renderer"),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, "renderer/index.html") } },
    },
  },
});
