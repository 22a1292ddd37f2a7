// Lint for the whole repository. "boundaries/dependencies" enforces the layer table of
// docs/architecture.md (its data is eslint/layers.js): who may import whom, which npm packages and
// whether Node built-ins. The renderer's own rules (eslint/renderer-rules.js): features are
// imported through their index.ts, and only stores call the main process.
import tseslint from "typescript-eslint";
import boundaries from "eslint-plugin-boundaries";
import { LAYERS } from "./eslint/layers.js";
import { rendererRules } from "./eslint/renderer-rules.js";

export { LAYERS };

const ALL_TYPES = LAYERS.map((layer) => layer.type);
const only = (from, allowed) => [
  { from: { element: { type: from } }, disallow: { to: { module: { origin: "external" } } } },
  { from: { element: { type: from } }, allow: { to: { module: { origin: "external", source: allowed.flatMap((name) => [name, `${name}/**`]) } } } },
];

const policies = [];
for (const layer of LAYERS) {
  if (layer.mayImport !== "any") {
    const forbidden = ALL_TYPES.filter((type) => !layer.mayImport.includes(type));
    policies.push({ from: { element: { type: layer.type } }, disallow: { to: { element: { types: { anyOf: forbidden } } } } });
  }
  if (layer.packages !== "any") policies.push(...only(layer.type, layer.packages));
  if (!layer.node) policies.push({ from: { element: { type: layer.type } }, disallow: { to: { module: { origin: "core" } } } });
}

export default tseslint.config(
  { ignores: ["node_modules/**", "out/**", "dist/**", "release/**", "coverage/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": LAYERS.flatMap((layer) => layer.folders.map((folder) => ({ type: layer.type, pattern: `${folder}**`, partialMatch: false }))),
      "boundaries/include": LAYERS.flatMap((layer) => layer.folders.map((folder) => `${folder}**`)),
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } },
    },
    rules: {
      "boundaries/dependencies": [2, { default: "allow", checkAllOrigins: true, policies }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    plugins: { keyward: rendererRules },
    rules: { "keyward/feature-entry": "error", "keyward/ipc-in-stores": "error" },
  },
  {
    files: ["cli/**", "bench/**", "test/**"],
    rules: { "no-console": "off" },
  },
);
