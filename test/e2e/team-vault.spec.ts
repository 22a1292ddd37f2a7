/**
 * The team vault in Chromium through the browser harness: identity, a team vault in a shared
 * folder, a second member (a second harness on the same workspace and folder) added from their
 * card, shared entries with live status, a concurrent change on both sides, removal with the exact
 * exposure list and "Rotate all" through the rotation wizard (the rotated entry then holds the
 * new key, which a third member reads after a sync), stale clean-up, .env import after its
 * preview, and export and import back.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { parseIdentity, TeamVault } from "../../core/team-vault";
import { startHarness, type Harness } from "../harness/harness-server";
import { startWorkspace } from "../support/test-server";
import { expect, FAST_VAULT, heapText, RENDERER_DIR, REPO_ROOT, seedKey, test } from "./fixtures";
import { axeViolations } from "./support/axe";

const PASSPHRASE = "correct horse battery staple";

/** A key of the workspace kept in the person's personal vault, as if created earlier with "Keep in vault". */
async function keptKey(harness: Harness, name: string) {
  await expect.poll(() => harness.core.workspaces.current().state, { timeout: 60_000 }).toBe("connected");
  const created = await harness.core.keys.create({ name, scope: "write", description: "", environment: "live", expiresAt: null });
  const { secret } = harness.core.keys.reveal(created.handle);
  await harness.core.keys.finishReveal(created.handle, true);
  return { key: created.key, secret };
}

async function identityOf(harness: Harness) {
  const entry = (await harness.core.vault.entries()).find((candidate) => candidate.kind === "member_identity")!;
  return parseIdentity(await harness.core.vault.secretOf(entry.id));
}

/** What a window regaining focus does. */
const refocus = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event("focus")));

async function openTeamScreen(page: Page) {
  await page.getByRole("link", { name: "Team vault", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team vault", level: 1 })).toBeVisible();
}

/** The vault, the identity and a team vault, made in the core: for tests about what comes after. */
async function teamReady(harness: Harness, folder: string) {
  await harness.core.vault.create(PASSPHRASE);
  await harness.core.team.createIdentity("Alice");
  harness.chooser.answer(folder);
  const { state } = await harness.core.team.create("Ops team");
  return state.vault!.path;
}

/** The window at 1400×900 and 900×700, and the tab's whole panel (the screen scrolls inside the window). */
async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1400, 900],
    [900, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/team-${name}-${width}.png` });
    // The whole screen, on a window tall enough to hold it.
    await page.setViewportSize({ width, height: 2400 });
    await page.locator(".team-screen").screenshot({ path: `/tmp/team-${name}-${width}-screen.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a team shares keys through one file, and removing a member lists exactly what to rotate, then rotates it into the team vault", async ({ browser, tempDir }) => {
  test.setTimeout(300_000);
  const workspace = await startWorkspace();
  const folder = tempDir();
  const options = { rendererDir: RENDERER_DIR, repoRoot: REPO_ROOT, vaultCreateOptions: FAST_VAULT, workspace: { url: workspace.url, adminToken: workspace.adminToken } };
  const alice = await startHarness({ ...options, dataDir: tempDir() });
  const bob = await startHarness({ ...options, dataDir: tempDir() });
  const carol = await startHarness({ ...options, dataDir: tempDir() });
  try {
    const page = await browser.newPage();
    await page.goto(alice.pageUrl);
    await openTeamScreen(page);

    // First use: the personal vault, then the identity inside it.
    await expect(page.getByText("Set up your vault first")).toBeVisible();
    await page.getByRole("link", { name: "Set up the vault" }).click();
    await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Create vault" }).click();
    await expect(page.getByRole("button", { name: "Lock now" }).first()).toBeVisible();
    await openTeamScreen(page);
    await page.getByLabel("Your name").fill("Alice");
    await page.getByRole("button", { name: "Create my identity" }).click();
    const card = page.getByRole("textbox", { name: "Card", exact: true });
    await expect(card).toHaveValue(/^keyward-member:1:Alice:age1/);
    const aliceFingerprint = (await alice.core.team.state()).identity.identity!.fingerprint;
    await expect(page.getByText(aliceFingerprint).first()).toBeVisible();
    await page.getByRole("button", { name: "Copy card" }).click();
    expect(alice.clipboard.text).toBe(await card.inputValue());

    // A team vault in the shared folder.
    await shoot(page, "start");
    await page.getByLabel("Team vault name").fill("Payments team");
    alice.chooser.answer(folder);
    await page.getByRole("button", { name: "Choose folder and create" }).click();
    await expect(page.getByRole("heading", { name: "Payments team" })).toBeVisible();
    const file = path.join(folder, "payments-team.kwteam");
    expect(fs.existsSync(file)).toBe(true);
    expect(alice.chooser.asked).toEqual(["Choose the synced folder for the team vault"]);

    // Entries: one from the personal vault, one typed; each linked to its key, live.
    const stripe = await keptKey(alice, "Stripe sync");
    const zapier = await seedKey(alice, "Zapier");
    await page.getByRole("button", { name: "Add entry" }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Entry").selectOption({ label: `Stripe sync (API key, ${stripe.key.display})` });
    await dialog.getByRole("button", { name: "Add to team vault" }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole("button", { name: "Add entry" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("radio", { name: "Type or paste it" }).check();
    await dialog.getByLabel("Secret").fill(zapier.secret);
    await dialog.getByRole("button", { name: "Add to team vault" }).click();
    await expect(dialog).toHaveCount(0);
    const entries = page.getByRole("table", { name: "Shared entries" });
    await expect(entries.getByRole("row", { name: /Stripe sync/ })).toContainText("Active");
    await expect(entries.getByRole("row", { name: /Zapier/ })).toContainText(zapier.key.display);
    await expect(entries.getByRole("row", { name: /Zapier/ })).toContainText("Active");

    // Bob, in his own app: his identity, whose card Alice adds after comparing fingerprints.
    await bob.core.vault.create(PASSPHRASE);
    const bobPage = await browser.newPage();
    await bobPage.goto(bob.pageUrl);
    await openTeamScreen(bobPage);
    await bobPage.getByLabel("Your name").fill("Bob");
    await bobPage.getByRole("button", { name: "Create my identity" }).click();
    const bobCard = await bobPage.getByRole("textbox", { name: "Card", exact: true }).inputValue();
    const bobFingerprint = (await bob.core.team.state()).identity.identity!.fingerprint;

    await page.getByRole("tab", { name: /Members/ }).click();
    await page.getByRole("button", { name: "Add member" }).click();
    dialog = page.getByRole("dialog", { name: "Add a member" });
    await dialog.getByLabel("Member card").fill(bobCard);
    await dialog.getByRole("button", { name: "Check card" }).click();
    await expect(dialog.getByText(bobFingerprint)).toBeVisible();
    await expect(dialog.getByText(/Compare this fingerprint with Bob/)).toBeVisible();
    await dialog.getByRole("button", { name: "The fingerprints match: add Bob" }).click();
    await expect(dialog).toHaveCount(0);
    const members = page.getByRole("table", { name: "Members" });
    await expect(members.getByRole("row")).toHaveCount(3);
    await expect(members.getByRole("row", { name: /Bob/ })).toContainText("By Alice");
    await expect(members.getByRole("row", { name: /Bob/ })).toContainText(bobFingerprint);

    // Bob opens the same file: the entries, with the keys' live status.
    bob.chooser.answer(file);
    await bobPage.getByRole("button", { name: "Open…" }).click();
    const bobEntries = bobPage.getByRole("table", { name: "Shared entries" });
    await expect(bobEntries.getByRole("row", { name: /Stripe sync/ })).toContainText("Active");
    await expect(bobEntries.getByRole("row", { name: /Zapier/ })).toContainText("Active");
    await bobPage.getByRole("button", { name: "Copy Stripe sync" }).click();
    await expect.poll(() => bob.clipboard.text).toBe(stripe.secret);

    // Bob shares a note; Alice's window, back in focus, has it.
    await bobPage.getByRole("button", { name: "Add entry" }).click();
    dialog = bobPage.getByRole("dialog");
    await dialog.getByRole("radio", { name: "Type or paste it" }).check();
    await dialog.getByLabel("Secret").fill("pager-duty-integration-secret");
    await dialog.getByLabel("Label").fill("Pager webhook");
    await dialog.getByRole("button", { name: "Add to team vault" }).click();
    await expect(bobEntries.getByRole("row", { name: /Pager webhook/ })).toBeVisible();
    await page.getByRole("tab", { name: /Entries/ }).click();
    await refocus(page);
    await expect(entries.getByRole("row", { name: /Pager webhook/ })).toContainText("Not a workspace key");

    // Both change the same entry at once (Bob's save lands in a sync tool's conflict copy): both versions kept, and said so.
    const pager = (await alice.core.team.state()).vault!.entries.find((entry) => entry.label === "Pager webhook")!;
    const before = fs.readFileSync(file);
    const aliceSide = await TeamVault.open(file, await identityOf(alice));
    await aliceSide.updateSecret(pager.id, "changed-by-alice");
    aliceSide.close();
    const bobsCopyFolder = tempDir();
    fs.writeFileSync(path.join(bobsCopyFolder, "payments-team.kwteam"), before);
    const bobSide = await TeamVault.open(path.join(bobsCopyFolder, "payments-team.kwteam"), await identityOf(bob));
    await bobSide.updateSecret(pager.id, "changed-by-bob");
    bobSide.close();
    fs.copyFileSync(path.join(bobsCopyFolder, "payments-team.kwteam"), path.join(folder, "payments-team (Bob's conflicted copy 2026-11-30).kwteam"));
    await page.getByRole("button", { name: "Sync now" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Changes saved elsewhere at the same time were merged" });
    await expect(notice).toContainText("“Pager webhook” was changed on both sides: both versions kept.");
    await expect(entries.getByRole("row", { name: /Pager webhook/ })).toHaveCount(2);
    await expect(entries.getByText("Conflict copy")).toBeVisible();
    await shoot(page, "entries");
    await page.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith(".kwteam"))).toEqual(["payments-team.kwteam"]);

    // History: who changed what.
    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByRole("list", { name: "Team vault history" });
    await expect(history).toContainText("Alice created the team vault");
    await expect(history).toContainText("Alice added member Bob");
    await expect(history).toContainText("Bob added “Pager webhook”");
    await expect(history).toContainText(/merged changes saved at the same time \(1 entry changed on both sides: both versions kept\)/);

    // The members view, checked and looked at.
    await page.getByRole("tab", { name: /Members/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "members");

    // Removing Bob: confirmation, new key, and the exact list of what he could read.
    await page.getByRole("button", { name: "Remove Bob" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("cannot open anything saved from now on");
    await confirm.getByRole("button", { name: "Remove member" }).click();
    await expect(page.getByRole("heading", { name: "What Bob could read" })).toBeVisible();
    const exposure = page.getByRole("table", { name: "Keys Bob could read" });
    const rows = exposure.getByRole("row");
    await expect(rows).toHaveCount(5); // the header, and four entries
    await expect(exposure.getByRole("row", { name: /Stripe sync/ })).toContainText("Active");
    await expect(exposure.getByRole("row", { name: /Stripe sync/ })).toContainText(stripe.key.display);
    await expect(exposure.getByRole("row", { name: /Zapier/ })).toContainText("Active");
    await expect(exposure.getByRole("row", { name: /Pager webhook/ })).toHaveCount(2);
    await expect(exposure.getByRole("row", { name: /Pager webhook/ }).first()).toContainText("Not a workspace key");
    await expect(page.getByText("4 entries, 2 workspace keys.")).toBeVisible();
    const log = await alice.core.activity.read({});
    expect(log.find((event) => event.type === "team_vault.member_removed")?.data).toEqual({ vault: "Payments team", member: "Bob", keysExposed: 2 });
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "exposure");

    // Bob's app: the file no longer opens for him, and he is told why.
    await refocus(bobPage);
    await expect(bobPage.getByText(/You are no longer a member of the team vault "Payments team"/)).toBeVisible();

    // Carol joins after Bob left (her card added in the core: the dialog was tested with Bob's) and opens the vault.
    await carol.core.vault.create(PASSPHRASE);
    await carol.core.team.createIdentity("Carol");
    await alice.core.team.addMember((await carol.core.team.state()).identity.identity!.card);
    const carolPage = await browser.newPage();
    await carolPage.goto(carol.pageUrl);
    await openTeamScreen(carolPage);
    carol.chooser.answer(file);
    await carolPage.getByRole("button", { name: "Open…" }).click();
    const carolEntries = carolPage.getByRole("table", { name: "Shared entries" });
    await expect(carolEntries.getByRole("row", { name: /Stripe sync/ })).toContainText("Active");

    // Rotate all: the wizard for each key in turn; the first rotated to the end, the second closed.
    await page.getByRole("button", { name: "Rotate all 2 keys" }).click();
    let wizard = page.getByRole("dialog");
    await expect(wizard).toContainText(/Rotate (Stripe sync|Zapier)/);
    const first = (await wizard.getByRole("heading", { level: 2 }).first().textContent())!.replace("Rotate ", "");
    await wizard.getByRole("button", { name: "Generate new key" }).click();
    await wizard.getByRole("button", { name: "Copy", exact: true }).click();
    await expect.poll(() => alice.clipboard.text).toMatch(/^uo_live_/);
    const newSecret = alice.clipboard.text;
    await wizard.getByRole("button", { name: "Next" }).click();
    await wizard.getByRole("button", { name: "Next" }).click();
    await wizard.getByRole("button", { name: /Continue without verification/ }).click();
    await page.getByRole("button", { name: /Continue/ }).last().click();
    await wizard.getByRole("button", { name: "Revoke old key" }).click();
    await page.getByRole("button", { name: "Done" }).click();
    // The next key's wizard opens by itself (the screen behind it is hidden from assistive technology meanwhile).
    wizard = page.getByRole("dialog");
    const second = first === "Stripe sync" ? "Zapier" : "Stripe sync";
    await expect(wizard).toContainText(`Rotate ${second}`);
    await expect(page.locator(".rotate-progress")).toHaveText(`1 of 2 rotated. Now: ${second}`);
    await wizard.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("status").filter({ hasText: /rotated/ })).toHaveText("1 of 2 rotated.");
    await expect(exposure.getByRole("row", { name: new RegExp(first) })).toContainText("Revoked");
    await expect(exposure.getByRole("row", { name: new RegExp(second) })).toContainText("Active");
    await expect(page.getByRole("button", { name: "Rotate all 1 key" })).toBeVisible();

    // The rotated key's entry holds the new key: on Alice's side at once, on Carol's after a sync.
    const firstKey = first === "Stripe sync" ? stripe.key : zapier.key;
    const successor = (await alice.core.keys.list()).find((key) => key.replacesId === firstKey.id)!;
    await page.getByRole("button", { name: "Back to members" }).click();
    await page.getByRole("tab", { name: /Entries/ }).click();
    const rotatedRow = entries.getByRole("row", { name: new RegExp(first) });
    await expect(rotatedRow).toContainText(successor.display);
    await expect(rotatedRow).toContainText("Active");
    await expect(page.getByRole("button", { name: /Clean up/ })).toHaveCount(0);
    await page.getByRole("tab", { name: "History" }).click();
    // The history names the rotation's two changes for what they were, not as edits.
    await expect(history).toContainText(`Alice rotated “${first}”: it holds the new key (${successor.display}), the old one kept until the rotation ends`);
    await expect(history).toContainText(`Alice dropped the rotated-away key from “${first}”: its rotation is finished`);
    await expect(history).not.toContainText(`Alice changed “${first}”`);
    await page.screenshot({ path: "/tmp/team-history-rotation.png" });
    await carolPage.getByRole("button", { name: "Sync now" }).click();
    const carolRotated = carolEntries.getByRole("row", { name: new RegExp(first) });
    await expect(carolRotated).toContainText(successor.display);
    await expect(carolRotated).toContainText("Active");
    await carolPage.getByRole("button", { name: `Copy ${first}` }).click();
    await expect.poll(() => carol.clipboard.text).toBe(newSecret);

    // No secret of the vault ever reached Alice's page.
    const heap = await heapText(page);
    expect(heap).not.toContain(stripe.secret);
    expect(heap).not.toContain(newSecret);
  } finally {
    await alice.close();
    await bob.close();
    await carol.close();
    await workspace.stop();
  }
});

test("stale entries: a revoked key's entry is listed and cleaned up in one click", async ({ app, harness, tempDir }) => {
  await teamReady(harness, tempDir());
  const kept = await keptKey(harness, "Old CI");
  const live = await keptKey(harness, "Reporting");
  for (const key of [kept, live]) {
    const entry = (await harness.core.vault.entries()).find((candidate) => candidate.meta?.keyId === key.key.id)!;
    await harness.core.team.addEntry({ from: "vault", vaultEntryId: entry.id });
  }
  await harness.core.keys.revoke(kept.key.id, "unused", undefined);
  await openTeamScreen(app);
  const entries = app.getByRole("table", { name: "Shared entries" });
  await expect(entries.getByRole("row", { name: /Old CI/ })).toContainText("Revoked");
  await expect(app.getByRole("status").filter({ hasText: "1 entry holds a key that no longer works" })).toContainText("(revoked or expired): “Old CI”.");
  await app.getByRole("button", { name: "Clean up 1 stale entry" }).click();
  await expect(entries.getByRole("row", { name: /Old CI/ })).toHaveCount(0);
  await expect(entries.getByRole("row", { name: /Reporting/ })).toContainText("Active");
  await expect(app.getByRole("button", { name: /Clean up/ })).toHaveCount(0);
});

test("a .env import shows what it found before writing anything, then writes the chosen keys", async ({ app, harness, tempDir }) => {
  await teamReady(harness, tempDir());
  const billing = await seedKey(harness, "Billing");
  const search = await seedKey(harness, "Search");
  const envFile = path.join(tempDir(), ".env");
  fs.writeFileSync(envFile, `# services\nBILLING_API_KEY=${billing.secret}\nexport SEARCH_KEY="${search.secret}"\nDATABASE_URL=postgres://db/app\n`);
  await openTeamScreen(app);
  await app.getByRole("tab", { name: "Import and export" }).click();
  await app.getByRole("button", { name: "Import from .env…" }).click();
  const dialog = app.getByRole("dialog", { name: "Import keys from .env files" });
  harness.chooser.answer(envFile);
  await dialog.getByRole("button", { name: "Choose a .env file…" }).click();
  const found = dialog.getByRole("table", { name: "Keys of this workspace" });
  await expect(found.getByRole("row", { name: /BILLING_API_KEY/ })).toContainText(billing.key.display);
  await expect(found.getByRole("row", { name: /SEARCH_KEY/ })).toContainText("Search");
  await expect(dialog.getByText("1 other value was not in the key format: never looked up, never sent.")).toBeVisible();
  // Only the preview so far: nothing written.
  expect((await harness.core.team.state()).vault!.entries).toEqual([]);
  await dialog.getByRole("checkbox", { name: /Import SEARCH_KEY/ }).uncheck();
  await dialog.getByRole("button", { name: "Add 1 key to the team vault" }).click();
  await expect(dialog.getByText("1 key added to the team vault.")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await app.getByRole("tab", { name: /Entries/ }).click();
  const entries = app.getByRole("table", { name: "Shared entries" });
  await expect(entries.getByRole("row", { name: /Billing/ })).toContainText("Active");
  await expect(entries.getByRole("row")).toHaveCount(2);
});

test("export to an encrypted file and import back: the team vault for its members, the personal vault under a passphrase", async ({ app, harness, tempDir }) => {
  test.setTimeout(120_000);
  await teamReady(harness, tempDir());
  const kept = await keptKey(harness, "Webhooks");
  const entry = (await harness.core.vault.entries()).find((candidate) => candidate.meta?.keyId === kept.key.id)!;
  await harness.core.team.addEntry({ from: "vault", vaultEntryId: entry.id });
  await harness.core.team.addEntry({ from: "typed", label: "Pager", secret: "pager-secret" });
  await openTeamScreen(app);
  await app.getByRole("tab", { name: "Import and export" }).click();

  await app.getByRole("button", { name: "Export…" }).click();
  let dialog = app.getByRole("dialog", { name: "Export to an encrypted file" });
  await expect(dialog.getByRole("radio", { name: "The team's members" })).toBeChecked();
  await dialog.getByRole("button", { name: "Choose where and export" }).click();
  await expect(dialog.getByText(/2 entries exported to/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  const exports = path.join(harness.core.platform.dataDir, "exports");
  const teamExport = fs.readdirSync(exports).find((name) => name.startsWith("keyward-ops-team-"))!;
  expect(fs.readFileSync(path.join(exports, teamExport)).subarray(0, 21).toString()).toBe("age-encryption.org/v1");

  await app.getByRole("button", { name: "Export…" }).click();
  dialog = app.getByRole("dialog", { name: "Export to an encrypted file" });
  await dialog.getByRole("radio", { name: "Your personal vault" }).check();
  await dialog.getByRole("radio", { name: "A passphrase" }).check();
  await dialog.getByLabel("Export passphrase", { exact: true }).fill("export passphrase one");
  await dialog.getByLabel("Confirm export passphrase").fill("export passphrase one");
  await dialog.getByLabel("Your vault's passphrase").fill("not the passphrase");
  await dialog.getByRole("button", { name: "Choose where and export" }).click();
  await expect(dialog.getByRole("alert")).toContainText(/passphrase/i);
  await dialog.getByLabel("Your vault's passphrase").fill(PASSPHRASE);
  await dialog.getByRole("button", { name: "Choose where and export" }).click();
  await expect(dialog.getByText(/2 entries exported to/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  const personalExport = fs.readdirSync(exports).find((name) => name.startsWith("keyward-personal-vault-"))!;
  const exported = (await harness.core.activity.read({})).filter((event) => event.type === "vault.exported");
  expect(exported.map((event) => event.data)).toEqual(expect.arrayContaining([{ file: path.join(exports, teamExport), entries: 2 }, { file: path.join(exports, personalExport), entries: 2 }]));

  // Back into a new team vault: every entry, with its key link.
  await app.getByRole("button", { name: "Close vault" }).click();
  await app.getByLabel("Team vault name").fill("Restored");
  harness.chooser.answer(tempDir());
  await app.getByRole("button", { name: "Choose folder and create" }).click();
  await app.getByRole("tab", { name: "Import and export" }).click();
  await app.getByRole("button", { name: "Import…" }).click();
  dialog = app.getByRole("dialog", { name: "Import an encrypted export" });
  harness.chooser.answer(path.join(exports, teamExport));
  await dialog.getByRole("button", { name: "Choose file and import" }).click();
  await expect(dialog.getByText(/2 entries added, 0 updated, 0 already up to date/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The personal export under its passphrase: the team identity inside it stays out of the team vault.
  await app.getByRole("button", { name: "Import…" }).click();
  dialog = app.getByRole("dialog", { name: "Import an encrypted export" });
  await dialog.getByRole("radio", { name: "A passphrase" }).check();
  await dialog.getByLabel("Export passphrase").fill("export passphrase one");
  harness.chooser.answer(path.join(exports, personalExport));
  await dialog.getByRole("button", { name: "Choose file and import" }).click();
  await expect(dialog.getByText(/1 entry added.*1 entry left out \(a team identity stays personal\)/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await app.getByRole("tab", { name: /Entries/ }).click();
  const entries = app.getByRole("table", { name: "Shared entries" });
  await expect(entries.getByRole("row", { name: /Webhooks/ })).toHaveCount(2);
  await expect(entries.getByRole("row", { name: /Webhooks/ }).first()).toContainText("Active");
  await expect(entries.getByRole("row", { name: /Pager/ })).toHaveCount(1);
  const imported = (await harness.core.activity.read({})).filter((event) => event.type === "vault.imported");
  // Newest first.
  expect(imported.map((event) => event.data)).toEqual([
    { file: path.join(exports, personalExport), entries: 1 },
    { file: path.join(exports, teamExport), entries: 2 },
  ]);
});
