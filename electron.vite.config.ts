import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

// Three bundles: the main process (with the `keyward` command line beside it, which the app runs
// as Node for its local workspace server), the sandboxed preload (one self-contained CommonJS
// file, since a sandboxed preload can require nothing but "electron"), and the React renderer.
// The main bundles keep npm dependencies external (better-sqlite3 is native and cannot be
// bundled); electron-builder packages them from node_modules.
export default defineConfig({
  main: {
    build: {
      outDir: "out/main",
      rollupOptions: {
        input: {
          index: resolve(__dirname, "electron/main/index.ts"),
          "keyward-cli": resolve(__dirname, "cli/keyward.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
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
      outDir: resolve(__dirname, "out/renderer"),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, "renderer/index.html") } },
    },
  },
});
