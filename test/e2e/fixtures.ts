/** Each test gets its own browser harness: a fresh data folder, a local workspace, the built renderer. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { startHarness, type Harness } from "../harness/harness-server";

const repoRoot = path.resolve(import.meta.dirname, "../..");
/** The built renderer: out/renderer, or where KEYWARD_OUT put the build. */
const rendererDir = path.join(process.env.KEYWARD_OUT ? path.resolve(process.env.KEYWARD_OUT) : path.join(repoRoot, "out"), "renderer");

export const FAST_VAULT = { kdf: { memoryKiB: 1024, iterations: 1, parallelism: 1 } };

export const test = base.extend<{ harness: Harness; app: Page; tempDir: () => string }>({
  // Folders a test makes for itself (a second harness, a restart): all removed after the test.
  tempDir: async ({}, use) => {
    const made: string[] = [];
    await use(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-"));
      made.push(dir);
      return dir;
    });
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ tempDir }, use) => {
    const harness = await startHarness({ dataDir: tempDir(), rendererDir, repoRoot, vaultCreateOptions: FAST_VAULT });
    await use(harness);
    await harness.close();
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.pageUrl);
    await use(page);
  },
});

export { expect };

export const RENDERER_DIR = rendererDir;
export const REPO_ROOT = repoRoot;

/** A key made directly in the app core (as if created earlier), with its secret, for tests that start from existing keys. */
export async function seedKey(harness: Harness, name: string, options: { scope?: "read" | "write" | "full"; description?: string } = {}) {
  await expect.poll(() => harness.core.workspaces.current().state, { timeout: 60_000 }).toBe("connected");
  const created = await harness.core.keys.create({ name, scope: options.scope ?? "write", description: options.description ?? "", environment: "live", expiresAt: null });
  const { secret } = harness.core.keys.reveal(created.handle);
  await harness.core.keys.finishReveal(created.handle, false);
  return { key: created.key, secret };
}

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
