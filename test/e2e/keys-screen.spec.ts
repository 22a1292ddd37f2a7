/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page, where the DOM exists.
/**
 * The keys screen as an admin uses it: everything a key's data holds is visible and findable, its
 * labels editable, dialogs keyboard-safe, and the table usable in a narrow window.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { startWorkspace } from "../support/test-server";
import { expect, seedKey, test, workspaceUrl } from "./fixtures";
import { seedWorkspace } from "./support/seed-workspace";

test("a key's expiry shows in its own column, with the date on hover, and 'expiring in 14 days' finds it", async ({ app, harness }) => {
  const seeded = await seedWorkspace(harness, 6);
  await app.reload();
  const row = app.getByRole("row", { name: new RegExp(seeded.expiring.name) });
  await expect(row.getByText("in 3 days")).toBeVisible();
  await row.getByText("in 3 days").hover();
  await expect(app.getByRole("tooltip")).toContainText(/Expires \w{3} \d+, 2\d{3}/);
  await app.getByLabel("Expiry").selectOption("soon");
  await expect(app.getByText("1 of 6 keys")).toBeVisible();
  await expect(row).toBeVisible();
});

test("a revoked key's record is there to read: when, by whom, why, and the note", async ({ app, harness }) => {
  const seeded = await seedWorkspace(harness, 4);
  await app.reload();
  await app.getByRole("checkbox", { name: /Show revoked and expired \(2\)/ }).check();
  await app.getByRole("button", { name: `Actions for ${seeded.revoked.name}` }).click();
  await app.getByRole("menuitem", { name: "Details and revocation" }).click();
  const details = app.getByRole("dialog", { name: new RegExp(seeded.revoked.name) });
  const record = details.getByRole("region", { name: "Revocation" });
  await expect(record).toContainText("Keyward desktop");
  await expect(record).toContainText("Compromised");
  await expect(record).toContainText(seeded.revoked.note);
  await expect(details.getByRole("region", { name: "Recent events" })).toContainText("Key revoked");
});

test("a refused request shows on its key apart from its last use, and 'created by' names the admin token in full", async ({ app, harness }) => {
  const seeded = await seedWorkspace(harness, 6);
  await app.reload();
  const row = app.getByRole("row", { name: new RegExp(seeded.refused.name) });
  await expect(row.getByText(/last refused just now: insufficient scope/)).toBeVisible();
  await row.getByText("by Keyward desktop").hover();
  await expect(app.getByRole("tooltip")).toContainText(/Admin token atk_/);
});

test("search finds a key by its description, its id, and its display form's prefix and last four", async ({ app, harness }) => {
  const target = await seedKey(harness, "Data Warehouse Loader", { description: "Loads nightly into Snowflake" });
  await seedKey(harness, "Slack Notifier");
  await app.reload();
  const search = app.getByRole("searchbox", { name: "Search keys" });
  const [head, tail] = target.key.display.split("…") as [string, string];
  for (const query of ["snowflake", target.key.id, head.slice(0, 12), tail]) {
    await search.fill(query);
    await expect(app.getByText("1 of 2 keys"), query).toBeVisible();
    await expect(app.getByRole("row", { name: /Data Warehouse Loader/ })).toBeVisible();
  }
});

test("an over-long name is refused with a message, never cut, and the limit shows as you type", async ({ app, harness }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  const name = dialog.getByLabel("Name");
  await name.fill("Zapier");
  await expect(dialog.getByText("6 / 100")).toBeVisible();
  await name.fill("x".repeat(300));
  await expect(name).toHaveValue("x".repeat(300));
  await expect(dialog.getByText("name must be at most 100 characters")).toBeVisible();
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByText(/won't be able to see it again/)).toHaveCount(0);
  expect(await harness.core.keys.list()).toEqual([]);
});

test("create offers expiry presets and the environment; a test key with a 7-day expiry is made", async ({ app, harness }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Staging smoke tests");
  await dialog.getByRole("radio", { name: "Test" }).check();
  await dialog.getByLabel("Expires").selectOption("7");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByText(/Key created/)).toBeVisible();
  const [key] = await harness.core.keys.list();
  expect(key).toMatchObject({ environment: "test", display: expect.stringMatching(/^uo_test_/) });
  const days = (Date.parse(key!.expiresAt!) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(7);
  expect(days).toBeLessThan(8.05);
});

test("with no vault, 'keep in vault' sets one up inside the dialog and keeps the key; the close warning then says where it is", async ({ app, harness }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Reporting");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await dialog.getByRole("button", { name: "Set up vault…" }).click();
  await dialog.getByLabel("Passphrase", { exact: true }).fill("correct horse battery staple");
  await dialog.getByLabel("Confirm passphrase").fill("correct horse battery staple");
  await dialog.getByRole("button", { name: "Create vault" }).click();
  await expect(dialog.getByRole("checkbox", { name: "Keep in vault" })).toBeChecked();
  await expect(dialog.getByText("Copy this key now. A copy is kept in your vault.")).toBeVisible();
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  await expect(dialog.getByText(/It is kept in your vault: copy it from the Vault screen/)).toBeVisible();
  await dialog.getByRole("button", { name: "Close without copying" }).click();
  await expect(app.getByRole("dialog")).toHaveCount(0);
  const entries = await harness.core.vault.entries();
  expect(entries.map((entry) => entry.label)).toEqual(["Reporting"]);
});

test("revoking: no reason is chosen for you, 'Other' needs a note, and the chosen card is not drawn as an error", async ({ app, harness }) => {
  await seedKey(harness, "Nightly Export");
  await app.reload();
  await app.getByRole("button", { name: "Actions for Nightly Export" }).click();
  await app.getByRole("menuitem", { name: "Revoke…" }).click();
  const confirm = app.getByRole("alertdialog");
  await expect(confirm.getByText("Workspace: Local workspace")).toBeVisible();
  await confirm.getByRole("radio", { name: "Other" }).check();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm.getByText("Say why: “Other” needs a note")).toBeVisible();
  const card = confirm.locator(".choice-card").filter({ hasText: "Other" });
  const danger = await confirm.getByRole("button", { name: "Revoke key" }).evaluate((button) => getComputedStyle(button).backgroundColor);
  expect(await card.evaluate((element) => getComputedStyle(element).borderColor)).not.toBe(danger);
  await confirm.getByLabel("Note").fill("Replaced by the warehouse's own export");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(app.getByRole("alertdialog")).toHaveCount(0);
  const [key] = await harness.core.keys.list();
  expect(key).toMatchObject({ status: "revoked", revokedReason: "other", revokedNote: "Replaced by the warehouse's own export" });
});

test("several keys are revoked at once with one reason; the confirmation names every one", async ({ app, harness }) => {
  for (const name of ["Old Zapier", "Old Slack", "Keep me"]) await seedKey(harness, name);
  await app.reload();
  await app.getByRole("checkbox", { name: "Select Old Zapier" }).check();
  await app.getByRole("checkbox", { name: "Select Old Slack" }).check();
  await app.getByRole("region", { name: "Selected keys" }).getByRole("button", { name: "Revoke selected…" }).click();
  const confirm = app.getByRole("alertdialog", { name: "Revoke 2 keys?" });
  await expect(confirm.getByRole("list", { name: "Keys to revoke" }).getByRole("listitem")).toHaveText([/Old Slack/, /Old Zapier/]);
  await confirm.getByRole("radio", { name: "Unused" }).check();
  await confirm.getByRole("button", { name: "Revoke 2 keys" }).click();
  await expect(app.getByText("2 keys revoked.")).toBeVisible();
  const statuses = Object.fromEntries((await harness.core.keys.list()).map((key) => [key.name, key.status]));
  expect(statuses).toEqual({ "Old Zapier": "revoked", "Old Slack": "revoked", "Keep me": "active" });
});

test("a key's name and description are edited from its details; the audit log records the change", async ({ app, harness }) => {
  await seedKey(harness, "Zapier");
  await app.reload();
  await app.getByRole("button", { name: "Zapier", exact: true }).click();
  const details = app.getByRole("dialog", { name: /Zapier/ });
  await details.getByRole("button", { name: "Edit name and description" }).click();
  await details.getByLabel("Name", { exact: true }).fill("Zapier (support tickets)");
  await details.getByRole("textbox", { name: /^Description/ }).fill("Creates feedback from support tickets");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(app.getByRole("dialog", { name: /Zapier \(support tickets\)/ })).toBeVisible();
  await expect(details.getByRole("region", { name: "Recent events" })).toContainText("Key edited");
  await details.getByRole("button", { name: "Close", exact: true }).last().click();
  await expect(app.getByRole("row", { name: /Zapier \(support tickets\)/ })).toContainText("Creates feedback from support tickets");
});

test("a cancelled rotation leaves the key as it was, and it can be rotated again", async ({ app, harness }) => {
  await seedKey(harness, "Support Bot");
  await app.reload();
  await app.getByRole("button", { name: "Actions for Support Bot" }).click();
  await app.getByRole("menuitem", { name: "Rotate…" }).click();
  const wizard = app.getByRole("dialog", { name: /Rotate Support Bot/ });
  await wizard.getByRole("button", { name: "Generate new key" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Cancel rotation" }).click();
  await app.getByRole("alertdialog").getByRole("button", { name: "Cancel rotation" }).click();
  await expect(app.getByRole("dialog")).toHaveCount(0);
  const row = app.getByRole("row", { name: /Support Bot/ });
  await expect(row).toHaveCount(1); // the revoked successor is hidden with the other revoked keys
  await expect(row).toContainText("in 90 days");
  await expect(row).not.toContainText("Replaced");
  await row.getByRole("button", { name: "Actions for Support Bot" }).click();
  await app.getByRole("menuitem", { name: "Rotate…" }).click();
  await app.getByRole("dialog", { name: /Rotate Support Bot/ }).getByRole("button", { name: "Generate new key" }).click();
  await expect(app.getByRole("dialog", { name: /Rotate Support Bot/ }).getByText("Copy the new key now.")).toBeVisible();
});

test("the table exports the keys it shows as CSV and JSON", async ({ app, harness }) => {
  for (const name of ["Alpha, with a comma", 'Beta "quoted"', "Gamma"]) await seedKey(harness, name);
  await app.reload();
  await app.getByRole("searchbox", { name: "Search keys" }).fill("a");
  await app.getByRole("button", { name: "Export" }).click();
  await app.getByRole("menuitem", { name: "Shown keys as CSV…" }).click();
  const exports = path.join(harness.core.platform.dataDir, "exports");
  await expect.poll(() => (fs.existsSync(exports) ? fs.readdirSync(exports) : [])).toEqual([expect.stringMatching(/^keyward-keys-.*\.csv$/)]);
  const csv = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(exports, fs.readdirSync(exports)[0]!), "utf8"), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data.map((row) => row.name).sort()).toEqual(['Alpha, with a comma', 'Beta "quoted"', "Gamma"].sort());
  expect(JSON.stringify(csv.data)).not.toMatch(/uo_live_[0-9A-Za-z]{38}/);
  await app.getByRole("button", { name: "Export" }).click();
  await app.getByRole("menuitem", { name: "Shown keys as JSON…" }).click();
  await expect.poll(() => fs.readdirSync(exports).filter((file) => file.endsWith(".json")).length).toBe(1);
});

test("workspaces: the same URL is refused, the current one is named, and a production one shows a band", async ({ app, harness }) => {
  const other = await startWorkspace();
  try {
    await app.getByRole("link", { name: "Vault", exact: true }).click();
    await app.getByLabel("Passphrase", { exact: true }).fill("correct horse battery staple");
    await app.getByLabel("Confirm passphrase").fill("correct horse battery staple");
    await app.getByRole("button", { name: "Create vault" }).click();
    await app.getByRole("link", { name: "Settings" }).click();
    const url = `http://localhost:${new URL(other.url).port}`;
    const add = async (name: string, production: boolean) => {
      await app.getByRole("button", { name: "Add workspace" }).first().click();
      const dialog = app.getByRole("dialog", { name: "Add workspace" });
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByLabel("URL").fill(url);
      await dialog.getByLabel("Admin token").fill(other.adminToken);
      if (production) await dialog.getByRole("checkbox", { name: "This is a production workspace" }).check();
      await dialog.getByRole("button", { name: "Add workspace" }).click();
      return dialog;
    };
    await add("Production", true);
    await expect(app.getByRole("note")).toHaveText("Production workspace: Production. Changes here affect live integrations.");
    const again = await add("Production again", false);
    await expect(again.getByText(/is already in Keyward as “Production”/)).toBeVisible();
    await again.getByRole("button", { name: "Cancel" }).click();
    await app.getByRole("link", { name: "Keys" }).click();
    await expect(app.getByRole("region", { name: "API keys" }).locator(".screen-subtitle .workspace-name")).toContainText("Production");
    await app.getByRole("button", { name: "Create API Key" }).first().click();
    await expect(app.getByRole("dialog").locator(".modal-context .workspace-name")).toContainText("Production");
    expect(workspaceUrl(harness)).toBe(url);
  } finally {
    await other.stop();
  }
});

test("keyboard: a skip link leads to the first key, navigation is links, and focus returns to what opened each dialog", async ({ app, harness }) => {
  await seedKey(harness, "Webhook Handler");
  await app.reload();
  await expect(app.getByRole("row", { name: /Webhook Handler/ })).toBeVisible();
  await app.keyboard.press("Tab");
  await expect(app.getByRole("link", { name: "Skip to the keys table" })).toBeFocused();
  await app.keyboard.press("Enter");
  await expect(app.getByRole("button", { name: "Webhook Handler", exact: true })).toBeFocused();
  await expect(app.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Keys" })).toHaveAttribute("aria-current", "page");

  // Create: focus comes back to the button that opened it.
  const create = app.getByRole("button", { name: "Create API Key" }).first();
  await create.focus();
  await app.keyboard.press("Enter");
  await app.keyboard.press("Escape");
  await expect(create).toBeFocused();

  // Details and revoke, opened from the row menu by keyboard: focus comes back to the menu's button.
  const menu = app.getByRole("button", { name: "Actions for Webhook Handler" });
  await menu.focus();
  await app.keyboard.press("Enter");
  await app.getByRole("menuitem", { name: "Revoke…" }).press("Enter");
  await expect(app.getByRole("alertdialog").getByRole("button", { name: "Cancel" })).toBeFocused();
  await app.keyboard.press("Escape");
  await expect(menu).toBeFocused();
  await app.keyboard.press("Enter");
  await app.getByRole("menuitem", { name: "Details" }).press("Enter");
  await expect(app.getByRole("dialog").getByRole("button", { name: "Close", exact: true }).last()).toBeFocused();
  await app.keyboard.press("Escape");
  await expect(menu).toBeFocused();
});

test.describe("in a narrow window (900×700)", () => {
  test.use({ viewport: { width: 900, height: 700 } });

  test("the name stays in view and every row's actions stay reachable", async ({ app, harness }) => {
    await seedWorkspace(harness, 8);
    await app.reload();
    const row = app.getByRole("row").nth(1);
    const name = row.locator(".key-name-button");
    const actions = row.getByRole("button", { name: /Actions for/ });
    const inView = async (locator: typeof name) => {
      const box = (await locator.boundingBox())!;
      return box.x >= 0 && box.x + box.width <= 900;
    };
    expect(await inView(name)).toBe(true);
    expect(await inView(actions)).toBe(true);
    // Scrolled all the way right: the name is still pinned in view.
    await app.locator(".table-scroll").evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    expect(await inView(name)).toBe(true);
    expect(await inView(actions)).toBe(true);
    await actions.click();
    await expect(app.getByRole("menuitem", { name: "Rotate…" })).toBeVisible();
  });
});
