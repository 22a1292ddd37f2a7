/**
 * The Leak scan page in Chromium, on the real core and the real local workspace: real secrets of
 * seeded keys planted in a folder and in a git repository's history, found and grouped by key with
 * what each is in the workspace; the active one revoked from the page (the server refuses it at
 * once) with its replacement offered; a long scan cancelled; the exports without a secret.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { displayForm, generateCredential } from "../../shared/credential";
import { expect, seedKey, test, workspaceUrl } from "./fixtures";
import { axeViolations } from "./support/axe";

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_COMMITTER_NAME: "Keyward Tests", GIT_COMMITTER_EMAIL: "tests@example.invalid" };
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env: GIT_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

function write(root: string, files: Record<string, string | null>): void {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    if (content === null) fs.rmSync(full);
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
}

function commit(repo: string, message: string, author: string, files: Record<string, string | null>): string {
  write(repo, files);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", message, "--author", author);
  return git(repo, "rev-parse", "HEAD");
}

/** Records, in the page, whether the scan's progress bar appeared and what it said (a small folder is scanned in a blink). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(bar.getAttribute("aria-valuetext") ?? "");
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

function exported(harness: { core: { platform: { dataDir: string } } }, name: RegExp): string {
  const dir = path.join(harness.core.platform.dataDir, "exports");
  const file = fs.readdirSync(dir).find((entry) => name.test(entry));
  if (!file) throw new Error(`no export matching ${name}`);
  return fs.readFileSync(path.join(dir, file), "utf8");
}

function expectNoSecret(secrets: string[], text: string): void {
  for (const secret of secrets) expect(text.includes(secret.slice(8, -6)), "a secret's body appears in an export").toBe(false);
}

test("finds the workspace's keys in a repository and its history, grouped by key; the active one is revoked from the page and its replacement offered", async ({ app, harness, tempDir }) => {
  test.setTimeout(120_000);
  const billing = await seedKey(harness, "Billing Worker");
  const search = await seedKey(harness, "Search Indexer", { scope: "read" });
  const old = await seedKey(harness, "Old CI");
  await harness.core.keys.revoke(old.key.id, "compromised", undefined);
  const stranger = generateCredential("live");
  const vector = generateCredential("test");
  const secrets = [billing.secret, search.secret, old.secret, stranger, vector];

  const repo = tempDir();
  git(repo, "init", "-q", "-b", "main");
  const first = commit(repo, "Add the configuration", "Ada Author <ada@example.invalid>", {
    "config/.env": `BILLING_KEY=${billing.secret}\n`,
    "deploy/search.yml": `search:\n  key: "${search.secret}"\n`,
    "ci/old.json": JSON.stringify({ token: old.secret }, null, 2),
    "docs/example.md": `Example: \`${stranger}\`\n`,
    "test/vectors.ts": `export const VECTOR = "${vector}"; // keyward:allow\n`,
    "README.md": "# Service\n",
  });
  commit(repo, "Read the search key from the environment", "Bob Builder <bob@example.invalid>", { "deploy/search.yml": "search:\n  key: ${SEARCH_KEY}\n" });
  // A live key is reported even when its line says keyward:allow.
  write(repo, { "local/.env.local": `BILLING_KEY=${billing.secret} # keyward:allow\n`, ".gitignore": "local/\n" });

  await app.getByRole("link", { name: "Leak scan" }).click();
  await expect(app.getByRole("heading", { name: "Leak scan", level: 1 })).toBeVisible();
  harness.chooser.answer(repo);
  await app.getByRole("button", { name: "Choose folder…" }).click();
  await expect(app.getByText("Git repository", { exact: true })).toBeVisible();
  expect(harness.chooser.asked).toEqual(["Choose a folder to scan for leaked keys"]);
  await expect(app.getByRole("checkbox", { name: "Include history" })).toBeChecked();
  await app.getByRole("checkbox", { name: "Also read files .gitignore excludes" }).check();

  await watchProgress(app);
  await app.getByRole("button", { name: "Scan", exact: true }).click();
  const results = app.getByRole("region", { name: /4 keys found in/ });
  await expect(results).toBeVisible({ timeout: 60_000 });
  const progress = await app.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)).toMatch(/\d+ files, .+, \d+ finds so far/);

  // Grouped by key, active keys of this workspace first, each with its places.
  const active = app.getByRole("region", { name: /^Active keys of Local workspace/ });
  const billingGroup = active.getByRole("article", { name: billing.key.display });
  await expect(billingGroup.getByText("Active key")).toBeVisible();
  await expect(billingGroup.getByRole("button", { name: "Billing Worker", exact: true })).toBeVisible();
  await expect(billingGroup.getByText("config/.env:1:13")).toBeVisible();
  await expect(billingGroup.getByText("local/.env.local:1:13")).toBeVisible();
  await expect(billingGroup.getByText("Marked keyward:allow")).toHaveCount(1);
  // The test vector marked keyward:allow is left out, and counted.
  await expect(results.getByText(/1 place marked keyward:allow left out \(none is a live key of the workspace; the exports list them\)/)).toBeVisible();
  // Removed from the files, still in the history: with the commit and its author.
  const searchGroup = active.getByRole("article", { name: search.key.display });
  await expect(searchGroup.getByText("History only")).toBeVisible();
  await expect(searchGroup.getByText(first.slice(0, 7))).toBeVisible();
  await expect(searchGroup.getByText(/in 1 commit .* by Ada Author/)).toBeVisible();
  const retired = app.getByRole("region", { name: /^Revoked or expired keys of Local workspace/ });
  await expect(retired.getByRole("article", { name: old.key.display }).getByText("Revoked key")).toBeVisible();
  const strangers = app.getByRole("region", { name: /^Not keys of Local workspace/ });
  await expect(strangers.getByRole("article", { name: displayForm(stranger) }).getByText("docs/example.md:1:11")).toBeVisible();
  expect(await app.content()).not.toContain(billing.secret.slice(8, -6));

  expect(await axeViolations(app)).toEqual([]);
  await app.setViewportSize({ width: 1400, height: 900 });
  await app.screenshot({ path: "/tmp/scan-results-1400.png" });
  await results.screenshot({ path: "/tmp/scan-results-list-1400.png" });
  await app.setViewportSize({ width: 900, height: 700 });
  await app.screenshot({ path: "/tmp/scan-results-900.png" });
  await results.screenshot({ path: "/tmp/scan-results-list-900.png" });
  await app.setViewportSize({ width: 1280, height: 800 });
  // The system's dark scheme: the page's colours come from the theme's tokens.
  await app.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(app)).toEqual([]);
  await results.screenshot({ path: "/tmp/scan-results-dark.png" });
  await app.emulateMedia({ colorScheme: "light" });

  // The exports: SARIF 2.1.0 and JSON, every find, no secret.
  await results.getByRole("button", { name: "Export SARIF" }).click();
  await expect(results.getByText(/Saved to .*\.sarif/)).toBeVisible();
  await results.getByRole("button", { name: "Export JSON" }).click();
  await expect(results.getByText(/Saved to .*\.json/)).toBeVisible();
  const sarifText = exported(harness, /\.sarif$/);
  const jsonText = exported(harness, /^keyward-scan-.*\.json$/);
  const sarif = JSON.parse(sarifText) as { version: string; runs: { results: { properties: { display: string; match: string } }[] }[] };
  expect(sarif.version).toBe("2.1.0");
  expect(sarif.runs[0]!.results.filter((result) => result.properties.match === "active").map((result) => result.properties.display)).toEqual(
    expect.arrayContaining([billing.key.display, search.key.display]),
  );
  const json = JSON.parse(jsonText) as { findings: { display: string; match: string; commits: string[] }[]; allowed: { display: string; file: string }[] };
  expect(json.findings.find((finding) => finding.display === search.key.display)).toMatchObject({ match: "active", commits: [first] });
  expect(json.allowed.map(({ display, file }) => ({ display, file }))).toEqual([{ display: displayForm(vector), file: "test/vectors.ts" }]);
  expectNoSecret(secrets, sarifText);
  expectNoSecret(secrets, jsonText);

  // One click on Revoke, one reason: the server refuses the key at once, and a replacement is offered.
  await billingGroup.getByRole("button", { name: "Revoke Billing Worker" }).click();
  const confirm = app.getByRole("alertdialog");
  await confirm.getByRole("radio", { name: "Compromised" }).check();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toHaveCount(0);
  const refused = await fetch(`${workspaceUrl(harness)}/v1/whoami`, { headers: { authorization: `Bearer ${billing.secret}` } });
  expect(refused.status).toBe(401);
  await expect(retired.getByRole("article", { name: billing.key.display }).getByText("Revoked key")).toBeVisible();
  await expect(app.getByText("Billing Worker is revoked.")).toBeVisible();
  await app.screenshot({ path: "/tmp/scan-after-revoke-1280.png" });
  await app.getByRole("button", { name: "Generate replacement" }).click();
  const create = app.getByRole("dialog");
  await expect(create.getByLabel("Name")).toHaveValue("Billing Worker");
  await create.getByRole("button", { name: "Cancel" }).click();

  // What monitoring reads: the workspace's keys found, with their places, never a secret.
  const leaks = harness.core.scans.leaks("local");
  expect(leaks.map((leak) => leak.keyId).sort()).toEqual([billing.key.id, search.key.id, old.key.id].sort());
  expectNoSecret(secrets, fs.readFileSync(path.join(harness.core.platform.dataDir, "scans.json"), "utf8"));
});

test("a long scan shows files, bytes and finds as it goes, and Cancel stops it", async ({ app, harness, tempDir }) => {
  const key = await seedKey(harness, "Big Folder Key");
  const folder = tempDir();
  // Large files that take no disk: a line of text, then a hole read back as zeros.
  for (let i = 0; i < 1200; i++) {
    const file = path.join(folder, `part-${String(i).padStart(3, "0")}.log`);
    fs.writeFileSync(file, `${i === 0 ? key.secret : "nothing here"}\n${"log line\n".repeat(1000)}`);
    fs.truncateSync(file, 9 * 1024 * 1024);
  }

  await app.getByRole("link", { name: "Leak scan" }).click();
  harness.chooser.answer(folder);
  await app.getByRole("button", { name: "Choose folder…" }).click();
  await expect(app.getByText("Not a git repository")).toBeVisible();
  await expect(app.getByRole("checkbox", { name: "Include history" })).toHaveCount(0);
  await app.getByRole("button", { name: "Scan", exact: true }).click();

  const panel = app.getByRole("region", { name: /^Scanning / });
  await expect(panel.getByRole("progressbar", { name: "Scan progress" })).toBeVisible();
  await expect.poll(async () => Number((await panel.locator("dd").first().textContent())?.replace(/,/g, "")), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(panel.getByText(/(kB|MB|GB)$/)).toBeVisible();
  await app.screenshot({ path: "/tmp/scan-progress-1280.png" });
  expect(await axeViolations(app)).toEqual([]);
  await panel.getByRole("button", { name: "Cancel scan" }).click();
  await expect(app.getByText(/The scan of .* was cancelled/)).toBeVisible();
  await expect(app.getByRole("progressbar")).toHaveCount(0);
  expect(harness.core.scans.status().running).toBeNull();
  // Cancelled scans leave nothing behind for monitoring.
  expect(harness.core.scans.leaks("local")).toEqual([]);
  // The next scan starts at once.
  await app.getByRole("button", { name: "Scan", exact: true }).click();
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Cancel scan" }).click();
  await expect(app.getByText(/was cancelled/)).toBeVisible();
});
