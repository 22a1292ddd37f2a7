import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium where Playwright's own browser is not installed (it cannot be downloaded here).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  projects: [
    {
      name: "harness",
      testDir: "test/e2e",
      use: {
        browserName: "chromium",
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        },
      },
    },
    {
      // The desktop app itself: needs Electron's binary, and says it was skipped where it is missing.
      name: "electron",
      testDir: "test/e2e-electron",
      timeout: 120_000,
    },
  ],
});
