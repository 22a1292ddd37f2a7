import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === rule).map((message) => message.message);
}
const layerErrors = (filePath: string, code: string) => errors(filePath, code, "boundaries/dependencies");

describe("the layer rule", () => {
  it.each([
    ["shared/x.ts", 'import { createServer } from "../server/app";\nexport const x = createServer;'],
    ["shared/x.ts", 'import fs from "node:fs";\nexport const x = fs;'],
    ["shared/x.ts", 'import React from "react";\nexport const x = React;'],
    ["core/x.ts", 'import { app } from "electron";\nexport const x = app;'],
    ["core/x.ts", 'import { createServer } from "../server/app";\nexport const x = createServer;'],
    ["server/x.ts", 'import { app } from "electron";\nexport const x = app;'],
    ["renderer/src/x.ts", 'import fs from "node:fs";\nexport const x = fs;'],
    ["renderer/src/x.ts", 'import { createServer } from "../../server/app";\nexport const x = createServer;'],
    ["electron/preload/x.ts", 'import path from "node:path";\nexport const x = path;'],
  ])("refuses the import in %s: %s", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ["core/x.ts", "react"],
    ["core/x.ts", "fastify"],
    ["core/x.ts", "zustand"],
    ["server/x.ts", "react"],
    ["server/x.ts", "pdfkit"],
    ["renderer/src/x.ts", "electron"],
    ["renderer/src/x.ts", "fastify"],
    ["renderer/src/x.ts", "pdfkit"],
    ["electron/main/x.ts", "react"],
    ["electron/main/x.ts", "fastify"],
    ["electron/preload/x.ts", "zustand"],
    ["shared/x.ts", "kysely"],
  ])("refuses a package in the wrong layer: %s imports %s", async (filePath, name) => {
    expect(await layerErrors(filePath, `import thing from "${name}";\nexport const x = thing;`)).not.toEqual([]);
  });

  it.each([
    ["shared/x.ts", 'import { z } from "zod";\nexport const x = z;'],
    ["core/x.ts", 'import fs from "node:fs";\nimport { parseCredential } from "../shared/credential";\nexport const x = [fs, parseCredential];'],
    ["core/x.ts", 'import PDFDocument from "pdfkit";\nexport const x = PDFDocument;'],
    ["cli/x.ts", 'import { createServer } from "../server/app";\nexport const x = createServer;'],
    ["electron/preload/x.ts", 'import { contextBridge } from "electron";\nexport const x = contextBridge;'],
    ["renderer/src/x.ts", 'import { create } from "zustand";\nexport const x = create;'],
    ["test/x.ts", 'import Fastify from "fastify";\nexport const x = Fastify;'],
  ])("allows the import in %s: %s", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});

describe("the renderer's feature rule", () => {
  it("refuses a deep import into another feature", async () => {
    const found = await errors("renderer/src/features/keys/x.tsx", 'import { useKeysStore } from "../inventory/keys-store";\nexport const x = useKeysStore;', "keyward/feature-entry");
    expect(found).toEqual(["Import the inventory feature through its index.ts, not keys-store: only what it exports there is meant for other features."]);
  });

  it("allows a feature's index, and a feature's own files", async () => {
    expect(await errors("renderer/src/features/keys/x.tsx", 'import { useKeysStore } from "../inventory";\nexport const x = useKeysStore;', "keyward/feature-entry")).toEqual([]);
    expect(await errors("renderer/src/features/keys/table/x.tsx", 'import { useTableStore } from "../table-store";\nexport const x = useTableStore;', "keyward/feature-entry")).toEqual([]);
  });

  it("refuses a call to the main process outside a store", async () => {
    const code = 'import { call, keyward } from "../../ipc/keyward";\nexport const x = [call, keyward];';
    expect(await errors("renderer/src/features/keys/KeysScreen.tsx", code, "keyward/ipc-in-stores")).not.toEqual([]);
    expect(await errors("renderer/src/features/keys/keys-store.ts", code, "keyward/ipc-in-stores")).toEqual([]);
  });
});
