/**
 * axe-core on the main screens and dialogs, with no violation allowed: what a screen-reader or
 * keyboard user meets first (names, roles, landmarks, contrast, focusable popups).
 */
import { axeViolations } from "./support/axe";
import { expect, seedKey, test } from "./fixtures";
import { seedWorkspace } from "./support/seed-workspace";

test("the keys screen, with keys of every state, and its row menu", async ({ app, harness }) => {
  await seedWorkspace(harness, 10);
  await app.reload();
  await expect(app.getByText(/of 10 keys/)).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await app.getByRole("checkbox", { name: /Show revoked and expired/ }).check();
  await app.getByRole("button", { name: /Actions for/ }).first().click();
  await expect(app.getByRole("menu")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
});

test("the create dialog, and the new key shown once", async ({ app }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  await expect(app.getByRole("dialog")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await app.getByRole("dialog").getByLabel("Name").fill("Zapier Integration");
  await app.getByRole("dialog").getByRole("button", { name: "Generate" }).click();
  await expect(app.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
});

test("the revoke confirmation and a key's details", async ({ app, harness }) => {
  await seedWorkspace(harness, 5);
  await app.reload();
  await app.getByRole("button", { name: /Actions for/ }).first().click();
  await app.getByRole("menuitem", { name: "Revoke…" }).click();
  await expect(app.getByRole("alertdialog")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await app.keyboard.press("Escape");
  await app.locator(".key-name-button").first().click();
  await expect(app.getByRole("dialog")).toBeVisible();
  await expect(app.getByRole("dialog").getByText("Recent events")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
});

test("the rotation wizard", async ({ app, harness }) => {
  await seedKey(harness, "Support Bot");
  await app.reload();
  await app.getByRole("button", { name: "Actions for Support Bot" }).click();
  await app.getByRole("menuitem", { name: "Rotate…" }).click();
  expect(await axeViolations(app)).toEqual([]);
  await app.getByRole("button", { name: "Generate new key" }).click();
  await expect(app.getByText("Copy the new key now.")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
});

test("the vault and settings screens, and the add-workspace dialog", async ({ app }) => {
  await app.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(app.getByRole("heading", { name: "Set up your vault" })).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await app.getByLabel("Passphrase", { exact: true }).fill("correct horse battery staple");
  await app.getByLabel("Confirm passphrase").fill("correct horse battery staple");
  await app.getByRole("button", { name: "Create vault" }).click();
  await expect(app.getByRole("heading", { name: "Unlocked" })).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await app.getByRole("link", { name: "Settings" }).click();
  await expect(app.getByRole("heading", { name: "Security" })).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
  await app.getByRole("button", { name: "Add workspace" }).first().click();
  await expect(app.getByRole("dialog")).toBeVisible();
  expect(await axeViolations(app)).toEqual([]);
});
