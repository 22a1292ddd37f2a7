/** docs/architecture.md's layer table and the lint rule's layers (eslint/layers.js) must say the same. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LAYERS } from "../../../eslint/layers.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

type Row = { layer: string; folders: string[]; mayImport: string[] | "any"; packages: string[] | "any"; node: boolean };

/** The table under "## Layers" in the docs: | layer | folders | may import | npm packages | Node built-ins | */
export function docsLayerTable(markdown: string): Row[] {
  const section = markdown.slice(markdown.indexOf("## Layers"));
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
  const list = (cell: string) => (cell === "anything" ? ("any" as const) : cell.split(",").map((item) => item.replace(/`/g, "").trim()).filter(Boolean));
  return lines.slice(2).map((line) => {
    const [layer = "", folders = "", mayImport = "", packages = "", node = ""] = cells(line);
    return { layer, folders: list(folders) as string[], mayImport: list(mayImport), packages: packages === "none" ? [] : list(packages), node: node === "yes" };
  });
}

describe("the architecture docs", () => {
  it("state the same layers, imports, packages and Node built-ins as the lint rule", () => {
    const table = docsLayerTable(fs.readFileSync(path.join(repoRoot, "docs/architecture.md"), "utf8"));
    expect(table).toEqual(LAYERS.map((layer) => ({ layer: layer.type, folders: layer.folders, mayImport: layer.mayImport, packages: layer.packages, node: layer.node })));
  });

  it("a table that disagrees with the lint rule is caught", () => {
    const table = docsLayerTable("## Layers\n\n| layer | folders | may import | npm packages | Node built-ins |\n|---|---|---|---|---|\n| shared | `shared/` | shared, core | zod | no |\n");
    expect(table).not.toEqual(LAYERS.slice(0, 1).map((layer) => ({ layer: layer.type, folders: layer.folders, mayImport: layer.mayImport, packages: layer.packages, node: layer.node })));
  });
});
