import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "boundaries/dependencies").map((message) => message.message);
}

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
    ["shared/x.ts", 'import { z } from "zod";\nexport const x = z;'],
    ["core/x.ts", 'import fs from "node:fs";\nimport { parseCredential } from "../shared/credential";\nexport const x = [fs, parseCredential];'],
    ["cli/x.ts", 'import { createServer } from "../server/app";\nexport const x = createServer;'],
    ["electron/preload/x.ts", 'import { contextBridge } from "electron";\nexport const x = contextBridge;'],
  ])("allows the import in %s: %s", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
