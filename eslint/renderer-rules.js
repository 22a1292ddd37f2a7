// Lint rules of Keyward's renderer, local because they encode its own layout:
// - feature-entry: another feature is imported through its index.ts only (its public face);
// - ipc-in-stores: the bridge to the main process (renderer/src/ipc/keyward.ts) is imported only by
//   store files (*-store.ts), so every call to the main process is a store action.
import path from "node:path";

const FEATURES = `${path.sep}renderer${path.sep}src${path.sep}features${path.sep}`;
const BRIDGE = path.join("renderer", "src", "ipc", "keyward");

function resolved(context, source) {
  if (!source.startsWith(".")) return null;
  return path.resolve(path.dirname(context.filename), source);
}

function featureOf(file) {
  const at = file.indexOf(FEATURES);
  if (at === -1) return null;
  const rest = file.slice(at + FEATURES.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join("/") };
}

const featureEntry = {
  meta: { type: "problem", messages: { deep: "Import the {{feature}} feature through its index.ts, not {{inner}}: only what it exports there is meant for other features." }, schema: [] },
  create(context) {
    return {
      ImportDeclaration(node) {
        const target = resolved(context, node.source.value);
        if (!target) return;
        const to = featureOf(target);
        if (!to || to.inner === "" || to.inner === "index" || to.inner === "index.ts") return;
        const from = featureOf(context.filename);
        if (from && from.name === to.name) return;
        context.report({ node: node.source, messageId: "deep", data: { feature: to.name, inner: to.inner } });
      },
    };
  },
};

const ipcInStores = {
  meta: { type: "problem", messages: { component: "Call the main process from a store action (a *-store.ts file), not from {{file}}." }, schema: [] },
  create(context) {
    const file = path.basename(context.filename);
    if (/-store\.ts$/.test(file) || context.filename.includes(`${path.sep}renderer${path.sep}src${path.sep}ipc${path.sep}`)) return {};
    return {
      ImportDeclaration(node) {
        const target = resolved(context, node.source.value);
        if (target && target.endsWith(BRIDGE) && node.importKind !== "type") context.report({ node: node.source, messageId: "component", data: { file } });
      },
    };
  },
};

export const rendererRules = { rules: { "feature-entry": featureEntry, "ipc-in-stores": ipcInStores } };
