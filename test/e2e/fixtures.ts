/** Each test gets its own browser harness: a fresh data folder, a local workspace, the built renderer. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { startHarness, type Harness } from "../harness/harness-server";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export const test = base.extend<{ harness: Harness; app: Page }>({
  harness: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-"));
    const harness = await startHarness({
      dataDir,
      rendererDir: path.join(repoRoot, "out/renderer"),
      repoRoot,
      vaultCreateOptions: { kdf: { memoryKiB: 1024, iterations: 1, parallelism: 1 } },
    });
    await use(harness);
    await harness.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.pageUrl);
    await use(page);
  },
});

export { expect };

/** The URL of the workspace the app is connected to, for calls a real integration would make. */
export function workspaceUrl(harness: Harness): string {
  const url = harness.core.workspaces.current().workspace?.url;
  if (!url) throw new Error("no workspace connected");
  return url;
}

/** Every string in the page's JavaScript heap, after garbage collection, as one searchable text. */
export async function heapText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks: string[] = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", ({ chunk }) => chunks.push(chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  await cdp.detach();
  return chunks.join("");
}
