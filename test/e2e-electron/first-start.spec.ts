/**
 * The first journey in the real desktop app: it starts on a fresh data folder with the local
 * workspace, an admin creates a key, copies it once, closes the dialog, and sees it in the table.
 * Also checks, from inside the page, what the renderer can and cannot reach.
 */
import { expect, test, type Page } from "@playwright/test";
import { electronBinary, launchApp, SKIP_MESSAGE, type LaunchedApp } from "./electron-app";

const binary = electronBinary();
if (binary === null) console.warn(`[e2e-electron] ${SKIP_MESSAGE}`);
test.skip(binary === null, SKIP_MESSAGE);
// One app for the journey: a failed step skips the steps after it.
test.describe.configure({ mode: "serial" });

/** One of the markers electron/main/platform/clipboard.ts writes beside the secret, per OS. */
const CONCEALED_MARKER: Partial<Record<NodeJS.Platform, string>> = {
  darwin: "org.nspasteboard.ConcealedType",
  win32: "CanIncludeInClipboardHistory",
  linux: "x-kde-passwordManagerHint",
};

let launched: LaunchedApp;
let page: Page;

test.beforeAll(async () => {
  launched = await launchApp(binary!);
  page = await launched.app.firstWindow();
});

test.afterAll(async () => {
  await launched?.close();
});

test("first start shows the keys of the local workspace", async () => {
  await expect(page.getByRole("table").or(page.getByText("No API keys yet"))).toBeVisible({ timeout: 60_000 });
  expect(page.url()).toBe("app://keyward/index.html");
});

test("an admin creates a key, copies it once, and sees it in the table", async () => {
  const name = `e2e-electron-${Date.now()}`;
  await page.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Generate" }).click();
  await dialog.getByRole("button", { name: "Copy" }).click();
  // Only the main process touches the clipboard: it now holds the new secret, marked concealed.
  const copied = await launched.app.evaluate(({ clipboard }) => clipboard.readText());
  expect(copied.length).toBeGreaterThan(20);
  const marker = CONCEALED_MARKER[process.platform];
  if (marker) {
    const format = `electron application/osclipboard;format="${marker}"`;
    expect(await launched.app.evaluate(({ clipboard }, type) => clipboard.has(type), format)).toBe(true);
  }
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  await launched.app.evaluate(({ clipboard }) => clipboard.clear());
});

test("every screen opens in the desktop window, its code loaded from the app's own files under the CSP", async () => {
  const screens: [link: string, heading: string][] = [
    ["Findings", "Findings"],
    ["Leak scan", "Leak scan"],
    ["Audit", "Audit"],
    ["Team vault", "Team vault"],
    ["Vault", "Vault"],
    ["Settings", "Settings"],
    ["Keys", "API keys"],
  ];
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  for (const [link, heading] of screens) {
    await page.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(heading, { timeout: 30_000 });
  }
  expect(refused.filter((text) => /Content Security Policy|Failed to fetch dynamically imported module|ChunkLoadError/.test(text))).toEqual([]);
});

test("the page has window.keyward and nothing of Node or Electron", async () => {
  const reach = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    const bridge = scope.keyward as Record<string, unknown> | undefined;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      electron: typeof scope.electron,
      ipcRenderer: typeof scope.ipcRenderer,
      bridgeGroups: bridge ? Object.keys(bridge).sort() : [],
    };
  });
  expect(reach).toMatchObject({ require: "undefined", process: "undefined", module: "undefined", electron: "undefined", ipcRenderer: "undefined" });
  expect(reach.bridgeGroups).toEqual(["app", "clipboard", "keys", "on", "preferences", "vault", "workspaces"]);
});

test("the page cannot reach the network or navigate away", async () => {
  const fetched = await page.evaluate(async () => {
    try {
      await fetch("https://example.com/");
      return "reached";
    } catch {
      return "blocked";
    }
  });
  expect(fetched).toBe("blocked");
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = "https://example.com/";
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe("app://keyward/index.html");
});
