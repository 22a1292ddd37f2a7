// The layers of Keyward and who may import whom: the one source of the table in
// docs/architecture.md (test/unit/lint/docs-match-lint.test.ts checks they agree) and of the lint
// rule that enforces it (eslint.config.js). `packages` lists the npm packages a layer may import;
// `node` says whether it may import Node's built-in modules.
const CORE_PACKAGES = ["zod", "hash-wasm", "age-encryption", "pdfkit", "fontkit", "papaparse", "ignore"];
const SERVER_PACKAGES = ["zod", "fastify", "kysely", "better-sqlite3", "pg"];

export const LAYERS = [
  { type: "shared", folders: ["shared/"], mayImport: ["shared"], packages: ["zod"], node: false },
  { type: "core", folders: ["core/"], mayImport: ["core", "shared"], packages: CORE_PACKAGES, node: true },
  { type: "server", folders: ["server/"], mayImport: ["server", "shared"], packages: SERVER_PACKAGES, node: true },
  { type: "electron-main", folders: ["electron/main/"], mayImport: ["electron-main", "core", "shared"], packages: ["electron", "zod"], node: true },
  { type: "electron-preload", folders: ["electron/preload/"], mayImport: ["electron-preload", "shared"], packages: ["electron"], node: false },
  {
    type: "renderer",
    folders: ["renderer/"],
    mayImport: ["renderer", "shared"],
    packages: ["react", "react-dom", "zustand", "radix-ui", "@tanstack/react-table", "@tanstack/react-virtual", "react-hook-form", "@hookform/resolvers", "recharts", "zod"],
    node: false,
  },
  {
    type: "cli",
    folders: ["cli/"],
    mayImport: ["cli", "core", "server", "shared"],
    // The command line runs core and server: what either may import.
    packages: [...new Set([...CORE_PACKAGES, ...SERVER_PACKAGES])],
    node: true,
  },
  { type: "test", folders: ["test/"], mayImport: "any", packages: "any", node: true },
  { type: "bench", folders: ["bench/"], mayImport: "any", packages: "any", node: true },
];
