// Lint for the whole repository. The "boundaries/dependencies" rule enforces the layer table of
// docs/architecture.md: who may import whom, including which npm packages and Node built-ins.
import tseslint from "typescript-eslint";
import boundaries from "eslint-plugin-boundaries";

const layers = [
  { type: "shared", pattern: "shared/**" },
  { type: "core", pattern: "core/**" },
  { type: "server", pattern: "server/**" },
  { type: "electron-main", pattern: "electron/main/**" },
  { type: "electron-preload", pattern: "electron/preload/**" },
  { type: "renderer", pattern: "renderer/**" },
  { type: "cli", pattern: "cli/**" },
  { type: "test", pattern: "test/**" },
  { type: "bench", pattern: "bench/**" },
];

// Later policies win: forbid every package, then allow the named ones back.
const onlyPackages = (from, allowed) => [
  { from: { element: { type: from } }, disallow: { to: { module: { origin: "external" } } } },
  { from: { element: { type: from } }, allow: { to: { module: { origin: "external", source: allowed } } } },
];
const noNodeBuiltins = (from) => ({
  from: { element: { type: from } },
  disallow: { to: { module: { origin: "core" } } },
});
const noElectron = (from) => ({
  from: { element: { type: from } },
  disallow: { to: { module: { origin: "external", source: ["electron", "electron/**"] } } },
});

export default tseslint.config(
  { ignores: ["node_modules/**", "out/**", "dist/**", "release/**", "coverage/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": layers.map((layer) => ({ ...layer, partialMatch: false })),
      "boundaries/include": ["shared/**", "core/**", "server/**", "electron/**", "renderer/**", "cli/**", "test/**", "bench/**"],
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } },
    },
    rules: {
      "boundaries/dependencies": [
        2,
        {
          default: "allow",
          checkAllOrigins: true,
          policies: [
            // Local imports: the layer table.
            {
              from: { element: { types: { anyOf: ["shared", "core", "server", "electron-main", "electron-preload", "renderer", "cli"] } } },
              disallow: { to: { element: { types: { anyOf: ["test", "bench"] } } } },
            },
            { from: { element: { type: "shared" } }, disallow: { to: { element: { types: { anyOf: ["core", "server", "electron-main", "electron-preload", "renderer", "cli"] } } } } },
            { from: { element: { type: "core" } }, disallow: { to: { element: { types: { anyOf: ["server", "electron-main", "electron-preload", "renderer", "cli"] } } } } },
            { from: { element: { type: "server" } }, disallow: { to: { element: { types: { anyOf: ["core", "electron-main", "electron-preload", "renderer", "cli"] } } } } },
            { from: { element: { type: "electron-main" } }, disallow: { to: { element: { types: { anyOf: ["server", "electron-preload", "renderer", "cli"] } } } } },
            { from: { element: { type: "electron-preload" } }, disallow: { to: { element: { types: { anyOf: ["core", "server", "electron-main", "renderer", "cli"] } } } } },
            { from: { element: { type: "renderer" } }, disallow: { to: { element: { types: { anyOf: ["core", "server", "electron-main", "electron-preload", "cli"] } } } } },
            { from: { element: { type: "cli" } }, disallow: { to: { element: { types: { anyOf: ["electron-main", "electron-preload", "renderer"] } } } } },
            // Packages and Node built-ins per layer.
            ...onlyPackages("shared", ["zod", "zod/**"]),
            noNodeBuiltins("shared"),
            noElectron("core"),
            noElectron("server"),
            noElectron("cli"),
            noElectron("renderer"),
            noNodeBuiltins("renderer"),
            ...onlyPackages("electron-preload", ["electron"]),
            noNodeBuiltins("electron-preload"),
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["cli/**", "bench/**", "test/**"],
    rules: { "no-console": "off" },
  },
);
