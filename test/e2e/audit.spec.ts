/**
 * The Audit screen in Chromium, on the real core and a real local workspace: the audit log with the
 * workspace's events and the app's own (filters, both chains verified) and a key's events in its
 * details; a bundle saved from the workspace and opened in a second app with no workspace reachable
 * and every other request cut (valid, inventory with findings, timeline; a tampered copy names the
 * event); reviews: of the bundle offline (decisions, sign-off, PDF/CSV/JSON reports read back) and
 * of the connected workspace (resumed after a reload, a revoke carried out from the review).
 */
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import Papa from "papaparse";
import type { AuditBundle } from "../../shared/api/schemas";
import { canonicalJson } from "../../shared/canonical-json";
import { startHarness, type Harness } from "../harness/harness-server";
import { expect, FAST_VAULT, REPO_ROOT, RENDERER_DIR, seedKey, test, workspaceUrl } from "./fixtures";
import { axeViolations } from "./support/axe";

/** The screen from its top at 1400×900 and 900×700, and whole (a tall window: the content scrolls inside the app, not the page). */
async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const top = () => page.locator("#main").evaluate((main) => main.scrollTo(0, 0));
  for (const [width, height, suffix] of [
    [1400, 900, "1400"],
    [900, 700, "900"],
    [1400, 2600, "1400-tall"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await top();
    await page.screenshot({ path: `/tmp/audit-${name}-${suffix}.png` });
  }
  if (size) await page.setViewportSize(size);
}

function exportsOf(harness: Harness): string {
  return path.join(harness.core.platform.dataDir, "exports");
}

function exported(harness: Harness, name: RegExp): string {
  const file = fs.readdirSync(exportsOf(harness)).find((entry) => name.test(entry));
  if (!file) throw new Error(`no export matching ${name}`);
  return path.join(exportsOf(harness), file);
}

async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const standardFontDataUrl = `${path.join(REPO_ROOT, "node_modules/pdfjs-dist/standard_fonts")}/`;
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await document.destroy();
  return pages.join(" ");
}

/** Draws page 1 of a PDF with pdf.js on a canvas in Chromium, and saves it as a PNG to look at. */
async function renderPdfPage(browser: Browser, pdf: Buffer, out: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const root = path.join(REPO_ROOT, "node_modules/pdfjs-dist");
  await context.route("http://pdf.test/**", async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    if (pathname === "/") {
      const script = `
        import * as pdfjs from "/build/pdf.mjs";
        pdfjs.GlobalWorkerOptions.workerSrc = "/build/pdf.worker.mjs";
        const doc = await pdfjs.getDocument({ url: "/report.pdf", standardFontDataUrl: "/standard_fonts/" }).promise;
        const page = await doc.getPage(1);
        const viewport = page.getViewport({ scale: 1.6 });
        const canvas = document.getElementById("page");
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
        window.rendered = true;`;
      return route.fulfill({ contentType: "text/html", body: `<!doctype html><body style="margin:0;background:#888"><canvas id="page"></canvas><script type="module">${script}</script></body>` });
    }
    if (pathname === "/report.pdf") return route.fulfill({ contentType: "application/pdf", body: pdf });
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ path: file, contentType: file.endsWith(".mjs") ? "text/javascript" : "application/octet-stream" });
  });
  const page = await context.newPage();
  await page.goto("http://pdf.test/");
  await page.waitForFunction(() => (window as unknown as { rendered?: boolean }).rendered === true, null, { timeout: 30_000 });
  await page.locator("#page").screenshot({ path: out });
  await context.close();
}

test("the audit log: the workspace's events and the app's own, filtered, both chains verified; a key's details show its events from both", async ({ app, harness }) => {
  test.setTimeout(120_000);
  await seedKey(harness, "Billing sync", { scope: "full" });
  const search = await seedKey(harness, "Search indexer", { scope: "read" });
  await harness.core.keys.revoke(search.key.id, "unused", undefined);
  await app.reload();

  await app.getByRole("link", { name: "Audit" }).click();
  await expect(app.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
  await expect(app.getByRole("tab", { name: "Audit log" })).toHaveAttribute("aria-selected", "true");
  const workspaceChain = app.getByRole("group", { name: "Local workspace's chain" });
  await expect(workspaceChain.getByText("Valid", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(workspaceChain).toContainText("each linked to the one before it up to the signed head; the signature matches the workspace's signing key");
  const appChain = app.getByRole("group", { name: "This app's log" });
  await expect(appChain.getByText("Valid", { exact: true })).toBeVisible();

  const events = app.getByRole("table", { name: "Audit events, newest first" });
  const rows = events.locator("tbody tr");
  await expect(rows.filter({ hasText: "Key generated here" }).first()).toContainText("This app");
  await expect(rows.filter({ hasText: "Key created" }).first()).toContainText("Workspace");
  await expect(rows.filter({ hasText: "Key revoked here" })).toContainText("Search indexer");
  expect(await axeViolations(app)).toEqual([]);
  await shoot(app, "log");

  // Source, key, type, actor, dates.
  await app.getByLabel("Source").selectOption({ label: "This app" });
  await expect(rows.filter({ hasText: "Key created" })).toHaveCount(0);
  await expect(rows.first()).toContainText("This app");
  await app.getByLabel("Source").selectOption({ label: "Both" });
  await expect(rows.filter({ hasText: "Key created" })).toHaveCount(2);
  await app.getByRole("combobox", { name: /^Key/ }).selectOption({ label: `Search indexer (${search.key.display})` });
  // Created, revealed (by the test's seeding), revoked: two from the workspace, three from the app.
  await expect(rows.filter({ hasText: "Billing sync" })).toHaveCount(0);
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: "Secret shown" })).toContainText("This app");
  await app.getByLabel("Type").selectOption("key.revoked");
  await expect(rows).toHaveCount(2);
  const from = (source: string) => rows.filter({ has: app.getByRole("cell", { name: source, exact: true }) });
  await expect(from("This app")).toHaveCount(1);
  await expect(from("Workspace")).toHaveCount(1);
  await app.getByRole("button", { name: "Clear filters" }).click();
  await app.getByLabel("Actor").fill("KEYWARD-desk");
  await expect(rows.filter({ hasText: "Key created" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Key generated here" })).toHaveCount(2);
  await app.getByRole("button", { name: "Clear filters" }).click();
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, "0")}-${String(tomorrow.getDate()).padStart(2, "0")}`;
  await app.getByLabel("From").fill(day);
  await expect(app.getByText("No events match.")).toBeVisible();
  await app.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows.filter({ hasText: "Key created" })).toHaveCount(2);

  // A key's details: its events from the workspace and from this app.
  await app.getByRole("link", { name: "Keys" }).click();
  await app.getByRole("checkbox", { name: /Show revoked and expired/ }).check();
  await app.getByRole("button", { name: "Actions for Search indexer" }).click();
  await app.getByRole("menuitem", { name: /Details/ }).click();
  const recent = app.getByRole("dialog", { name: /Search indexer/ }).getByRole("region", { name: "Recent events" });
  await expect(recent).toContainText("Key revoked here");
  await expect(recent).toContainText("Keyward on this computer · This app");
  await expect(recent).toContainText("Key created");
  await expect(recent).toContainText("Workspace #");
});

test("offline audit mode: a bundle saved from the workspace opens in an app with no workspace and no network; valid, inventory with findings, timeline; a tampered copy names the event; a review of it with its reports", async ({ app, harness, tempDir, browser }) => {
  test.setTimeout(240_000);
  await seedKey(harness, "Billing sync", { scope: "full" });
  await seedKey(harness, "Search indexer", { scope: "read" });
  const expiring = await harness.core.keys.create({ name: "Nightly export", scope: "write", description: "", environment: "live", expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
  await harness.core.keys.finishReveal(expiring.handle, false);
  const old = await seedKey(harness, "Old CI");
  await harness.core.keys.revoke(old.key.id, "compromised", undefined);
  await app.reload();

  // The admin saves the workspace's bundle; Settings shows the fingerprint to hand over out of band.
  await app.getByRole("link", { name: "Audit" }).click();
  await app.getByRole("button", { name: "Save audit bundle…" }).click();
  const saving = app.getByRole("dialog", { name: "Audit bundle of Local workspace" });
  await expect(saving.getByText(/It verifies/)).toBeVisible({ timeout: 30_000 });
  await saving.getByRole("button", { name: "Done" }).click();
  const bundleFile = exported(harness, /^keyward-audit-.*\.json$/);
  const bundle = JSON.parse(fs.readFileSync(bundleFile, "utf8")) as AuditBundle;
  await app.getByRole("link", { name: "Settings" }).click();
  const fingerprint = app.getByRole("group", { name: "Audit signing key of Local workspace" });
  await expect(fingerprint).toContainText(bundle.signing.fingerprint.slice(0, 4));
  expect(await fingerprint.locator("code").getAttribute("aria-label")).toBe(`Fingerprint ${bundle.signing.fingerprint}`);
  expect(await axeViolations(app)).toEqual([]);
  await app.locator("section.card", { has: fingerprint }).screenshot({ path: "/tmp/audit-settings-fingerprint.png" });

  // The officer's machine: the app attached to a workspace that is not there, and every request
  // that is not to the app itself cut.
  const offline = await startHarness({
    dataDir: tempDir(),
    rendererDir: RENDERER_DIR,
    repoRoot: REPO_ROOT,
    vaultCreateOptions: FAST_VAULT,
    workspace: { url: `http://127.0.0.1:${await deadPort()}`, adminToken: `uo_adm_${"A".repeat(38)}` },
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const origin = new URL(offline.url).origin;
    const cut: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      cut.push(url);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    await page.goto(offline.pageUrl);
    await expect.poll(() => offline.core.workspaces.current().state, { timeout: 30_000 }).toBe("error");
    await page.getByRole("link", { name: "Audit" }).click();
    await expect(page.getByRole("tab", { name: /Audit bundle/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("heading", { name: "Open an audit bundle" })).toBeVisible();

    offline.chooser.answer(bundleFile);
    await page.getByRole("button", { name: "Open audit bundle…" }).first().click();
    const verdict = page.getByRole("region", { name: /^Valid keyward-audit-/ });
    await expect(verdict).toBeVisible({ timeout: 30_000 });
    expect(offline.chooser.asked).toEqual(["Open an audit bundle"]);
    await expect(verdict.getByRole("status")).toHaveText(/^Valid: the signature matches the key the bundle names, and all \d+ events chain from the first to the signed head\./);
    await expect(verdict).toContainText(bundle.signing.fingerprint);
    await expect(verdict).toContainText(`event ${bundle.head.seq}, ${bundle.head.hash}`);
    const inventory = page.getByRole("table", { name: "The bundle's keys and their findings" });
    await expect(inventory.locator("tbody tr")).toHaveCount(4);
    await expect(inventory.locator("tbody tr").filter({ hasText: "Nightly export" })).toContainText(/Expiring soon: Expires .*: rotate it/);
    await expect(inventory.locator("tbody tr").filter({ hasText: "Old CI" })).toContainText("Revoked");
    const timeline = page.getByRole("table", { name: "The bundle's events, newest first" });
    await expect(timeline.locator("tbody tr")).toHaveCount(bundle.events.length);
    await page.getByRole("combobox", { name: /^Key/ }).selectOption({ label: `Old CI (${old.key.display})` });
    await expect(timeline.locator("tbody tr")).toHaveCount(2);
    await expect(timeline.locator("tbody tr").first()).toContainText("Key revoked");
    await page.getByLabel("Type").selectOption("key.created");
    await expect(timeline.locator("tbody tr")).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "bundle-valid");

    // A copy with one event changed: the app says which.
    const tampered = structuredClone(bundle);
    tampered.events[2]!.data = { ...tampered.events[2]!.data, name: "Billing sync (renamed)" };
    const tamperedFile = path.join(tempDir(), "tampered-bundle.json");
    fs.writeFileSync(tamperedFile, canonicalJson(tampered));
    offline.chooser.answer(tamperedFile);
    await page.getByRole("button", { name: "Open another bundle…" }).click();
    const broken = page.getByRole("region", { name: /^Not valid tampered-bundle\.json/ });
    await expect(broken).toBeVisible({ timeout: 30_000 });
    await expect(broken.getByRole("list", { name: "What was found" })).toContainText("Event altered: event 3.");
    await expect(page.getByRole("button", { name: "Start a review of this bundle" })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "bundle-tampered");
    fs.writeFileSync(tamperedFile, "this is not a bundle");
    offline.chooser.answer(tamperedFile);
    await page.getByRole("button", { name: "Open another bundle…" }).click();
    await expect(page.getByText("This file is not an audit bundle, or it is damaged: nothing in it can be trusted.")).toBeVisible();
    const verified = await offline.core.activity.read({ type: "audit.bundle_verified" });
    expect(verified.map((event) => event.data.valid)).toEqual([false, false, true]);

    // A review of the valid bundle, offline: every active key, decisions, sign-off, reports.
    offline.chooser.answer(bundleFile);
    await page.getByRole("button", { name: "Open another bundle…" }).click();
    await page.getByRole("button", { name: "Start a review of this bundle" }).click();
    await expect(page.getByRole("tab", { name: "Reviews" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("heading", { name: /^API key review of / })).toBeVisible();
    await expect(page.getByText("Verified", { exact: true })).toBeVisible();
    const keyCard = (name: string) => page.getByRole("article", { name });
    await expect(page.getByRole("article")).toHaveCount(3);
    await expect(keyCard("Nightly export")).toContainText("Expiring soon");
    const decide = async (name: string, decision: string, note: string) => {
      const card = keyCard(name);
      await card.getByRole("radio", { name: decision }).check();
      if (note) await card.getByLabel("Note").fill(note);
      await card.getByRole("button", { name: "Save decision" }).click();
      await expect(card.getByText(/^Decided /)).toBeVisible();
    };
    await decide("Billing sync", "Revoke", "No integration uses it, and it can do everything.");
    await decide("Search indexer", "Keep", "");
    await expect(page.getByText("1 key has no decision yet. Sign-off is possible once every key has one.")).toBeVisible();
    await decide("Nightly export", "Rotate", "Expires soon: replace it.");
    await expect(keyCard("Billing sync")).toContainText("To carry this out, connect to the reviewed workspace.");
    await expect(page.getByText("3 of 3 active keys decided")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "review-bundle");
    await page.getByLabel("Reviewer's name").fill("Ana Security");
    await page.getByRole("button", { name: "Sign off…" }).click();
    await page.getByRole("alertdialog", { name: "Sign off this review?" }).getByRole("button", { name: "Sign off" }).click();
    await expect(page.getByRole("region", { name: "Signed off" })).toContainText("Signed off by Ana Security on");
    await expect(page.getByRole("radio")).toHaveCount(0);

    for (const format of ["PDF", "CSV", "JSON"]) {
      await page.getByRole("button", { name: `Export ${format}` }).click();
      await expect(page.getByText(new RegExp(`Saved to .*\\.${format.toLowerCase()}$`))).toBeVisible();
    }
    const pdf = fs.readFileSync(exported(offline, /^keyward-review-.*\.pdf$/));
    const text = (await pdfText(pdf)).replace(/\s+/g, "");
    for (const name of ["Billing sync", "Search indexer", "Nightly export", "VERIFIED", "Signed off by Ana Security"]) expect(text).toContain(name.replace(/\s+/g, ""));
    await renderPdfPage(browser, pdf, "/tmp/audit-report-page1.png");
    const csv = Papa.parse<Record<string, string>>(fs.readFileSync(exported(offline, /^keyward-review-.*\.csv$/), "utf8"), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data.map((row) => [row.name, row.decision, row.decision_note])).toEqual([
      ["Billing sync", "revoke", "No integration uses it, and it can do everything."],
      ["Nightly export", "rotate", "Expires soon: replace it."],
      ["Search indexer", "keep", ""],
    ]);
    const json = JSON.parse(fs.readFileSync(exported(offline, /^keyward-review-.*\.json$/), "utf8")) as { format: string; summary: { keys: number; decided: number } };
    expect(json).toMatchObject({ format: "keyward-review-report", summary: { keys: 3, decided: 3 } });
    const recorded = (await offline.core.activity.read({})).map((event) => event.type);
    expect(recorded).toEqual(expect.arrayContaining(["audit.review_signed_off", "audit.report_exported"]));
    // Nothing left this computer.
    expect(cut).toEqual([]);
  } finally {
    await context.close();
    await offline.close();
  }
});

test("a review of the connected workspace: resumed after a reload, a revoke decision carried out from it, then signed off", async ({ app, harness }) => {
  test.setTimeout(120_000);
  const billing = await seedKey(harness, "Billing sync", { scope: "full" });
  await seedKey(harness, "Search indexer", { scope: "read" });
  await app.reload();
  await app.getByRole("link", { name: "Audit" }).click();
  await app.getByRole("tab", { name: "Reviews" }).click();
  await app.getByRole("button", { name: "Review Local workspace" }).click();
  await expect(app.getByText("Made from the connected workspace's answers, not from a signed audit bundle.")).toBeVisible();

  const card = app.getByRole("article", { name: "Billing sync" });
  await card.getByRole("radio", { name: "Revoke" }).check();
  await card.getByLabel("Note").fill("Replaced by per-service keys.");
  await card.getByRole("button", { name: "Save decision" }).click();
  await card.getByRole("button", { name: "Revoke Billing sync now" }).click();
  const confirm = app.getByRole("alertdialog", { name: "Revoke Billing sync?" });
  await confirm.getByRole("radio", { name: "Unused" }).check();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(card.getByText("Carried out")).toBeVisible();
  await expect(card).toContainText(/Revoked on .* \(unused\)\./);
  const refused = await fetch(`${workspaceUrl(harness)}/v1/whoami`, { headers: { authorization: `Bearer ${billing.secret}` } });
  expect(refused.status).toBe(401);

  // Progress is kept: a reload, then the review resumed from the list.
  await app.reload();
  await app.getByRole("tab", { name: "Reviews" }).click();
  await expect(app.getByText("1 of 2 keys decided")).toBeVisible();
  await app.getByRole("button", { name: /^Resume API key review of Local workspace/ }).click();
  await expect(card.getByRole("radio", { name: "Revoke" })).toBeChecked();
  await expect(card.getByLabel("Note")).toHaveValue("Replaced by per-service keys.");
  await expect(card.getByText("Carried out")).toBeVisible();
  const search = app.getByRole("article", { name: "Search indexer" });
  await search.getByRole("radio", { name: "Keep" }).check();
  await search.getByRole("button", { name: "Save decision" }).click();
  await expect(search.getByText(/^Decided /)).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await shoot(app, "review-workspace");

  await app.getByLabel("Reviewer's name").fill("Sam Officer");
  await app.getByRole("button", { name: "Sign off…" }).click();
  await app.getByRole("alertdialog", { name: "Sign off this review?" }).getByRole("button", { name: "Sign off" }).click();
  await expect(app.getByRole("region", { name: "Signed off" })).toContainText("Signed off by Sam Officer");
  await expect(card).toContainText("Decision: Revoke — Replaced by per-service keys.");
  await app.getByRole("button", { name: "Back to reviews" }).click();
  await expect(app.getByText("Signed off by Sam Officer")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await shoot(app, "reviews-list");
});
