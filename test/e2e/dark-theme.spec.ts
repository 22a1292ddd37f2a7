/**
 * The dark theme: the app follows the system's colour scheme, and axe-core finds no violation
 * (contrast above all) on the main screens and dialogs in dark mode. Each state is also
 * photographed in both schemes, for a person to look at (/tmp/dark-*.png and /tmp/light-*.png).
 */
import type { Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { expect, seedKey, test, workspaceUrl } from "./fixtures";
import { seedWorkspace } from "./support/seed-workspace";

test.use({ viewport: { width: 1400, height: 900 }, colorScheme: "dark" });

/** The relative luminance of the body's computed background, 0 (black) to 1 (white). */
async function bodyLuminance(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const channels = colour.match(/[\d.]+/g)!.slice(0, 3).map(Number);
  const [r, g, b] = channels.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * axe in dark mode, then a picture of the same state in each scheme; leaves the page dark.
 * `ignore` names axe rules that the state breaks whatever the theme (never colour-contrast).
 */
async function checkDark(page: Page, name: string, ignore: string[] = []) {
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await axeViolations(page)).filter((violation) => !ignore.includes(violation.id))).toEqual([]);
  // Transitions finished at once: a button caught half-way between the themes is not what a person sees.
  await page.screenshot({ path: `/tmp/dark-${name}.png`, animations: "disabled" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `/tmp/light-${name}.png`, animations: "disabled" });
  await page.emulateMedia({ colorScheme: "dark" });
}

test("the window is dark when the system is, and light when it is not", async ({ app }) => {
  await expect(app.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  await app.emulateMedia({ colorScheme: "dark" });
  expect(await bodyLuminance(app)).toBeLessThan(0.05);
  expect(await app.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
  await app.emulateMedia({ colorScheme: "light" });
  expect(await bodyLuminance(app)).toBeGreaterThan(0.8);
  expect(await app.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("light");
});

test("dark: the keys screen with keys of every state, a tooltip and a row menu", async ({ app, harness }) => {
  const seeded = await seedWorkspace(harness, 8);
  await app.reload();
  await expect(app.getByText(/of 8 keys/)).toBeVisible();
  await app.getByRole("checkbox", { name: /Show revoked and expired/ }).check();
  await checkDark(app, "keys");
  await app.getByRole("row", { name: new RegExp(seeded.refused.name) }).getByText("by Keyward desktop").hover();
  await expect(app.getByRole("tooltip")).toBeVisible();
  // A tooltip's popper sits outside the landmarks ("region"), in both themes; its contrast is still checked.
  await checkDark(app, "keys-tooltip", ["region"]);
  await app.mouse.move(0, 0);
  await app.keyboard.press("Escape");
  await expect(app.getByRole("tooltip")).toHaveCount(0);
  await app.getByRole("button", { name: `Actions for ${seeded.active[0]!.name}` }).click();
  await expect(app.getByRole("menu")).toBeVisible();
  await checkDark(app, "keys-menu");
});

test("dark: the create dialog, and the new key shown once", async ({ app }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  await expect(app.getByRole("dialog")).toBeVisible();
  await checkDark(app, "create");
  await app.getByRole("dialog").getByLabel("Name").fill("Zapier Integration");
  await app.getByRole("dialog").getByRole("button", { name: "Generate" }).click();
  await expect(app.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  await checkDark(app, "create-reveal");
  await app.keyboard.press("Escape");
  await expect(app.getByRole("button", { name: "Close without copying" })).toBeVisible();
  await checkDark(app, "create-close-confirm");
  await app.getByRole("button", { name: "Go back" }).click();
  await app.getByRole("button", { name: "Copy", exact: true }).click();
  await app.getByRole("button", { name: "I have stored it" }).click();
  await expect(app.getByRole("dialog")).toHaveCount(0);
  await expect(app.getByText(/Clipboard clears in/)).toBeVisible();
  await checkDark(app, "keys-clipboard");
});

test("dark: the revoke confirmation, and the notice after it", async ({ app, harness }) => {
  await seedWorkspace(harness, 4);
  await app.reload();
  await app.getByRole("button", { name: /Actions for/ }).first().click();
  await app.getByRole("menuitem", { name: "Revoke…" }).click();
  await expect(app.getByRole("alertdialog")).toBeVisible();
  await app.getByRole("alertdialog").getByRole("radio", { name: "Unused" }).check();
  await checkDark(app, "revoke");
  await app.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(app.getByRole("alertdialog")).toHaveCount(0);
  await expect(app.locator(".notice")).toBeVisible();
  await checkDark(app, "revoked-notice");
});

test("dark: the rotation wizard", async ({ app, harness }) => {
  await seedKey(harness, "Support Bot");
  await app.reload();
  await app.getByRole("button", { name: "Actions for Support Bot" }).click();
  await app.getByRole("menuitem", { name: "Rotate…" }).click();
  await expect(app.getByRole("dialog")).toBeVisible();
  await checkDark(app, "rotation");
  const wizard = app.getByRole("dialog");
  await wizard.getByRole("button", { name: "Generate new key" }).click();
  await expect(wizard.getByText("Copy the new key now.")).toBeVisible();
  await wizard.getByRole("button", { name: "Copy", exact: true }).click();
  await checkDark(app, "rotation-generated");
  await wizard.getByRole("button", { name: "Show" }).click();
  await expect(wizard.locator(".secret-value")).not.toContainText("•");
  const secret = (await wizard.locator(".secret-value").textContent())!.trim();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByRole("button", { name: "Test the new key" })).toBeVisible();
  await checkDark(app, "rotation-verify");
  // The integration's first request with the new key: the panel turns to verified.
  await fetch(`${workspaceUrl(harness)}/v1/feedback`, { headers: { authorization: `Bearer ${secret}`, "user-agent": "support-bot/3.0" } });
  await expect(wizard.getByText(/Verified/).first()).toBeVisible({ timeout: 20_000 });
  await checkDark(app, "rotation-verified");
});

test("dark: the vault and settings screens", async ({ app }) => {
  await app.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(app.getByRole("heading", { name: "Set up your vault" })).toBeVisible();
  await checkDark(app, "vault-setup");
  await app.getByLabel("Passphrase", { exact: true }).fill("correct horse battery staple");
  await app.getByLabel("Confirm passphrase").fill("correct horse battery staple");
  await app.getByRole("button", { name: "Create vault" }).click();
  await expect(app.getByRole("heading", { name: "Unlocked" })).toBeVisible();
  await checkDark(app, "vault");
  await app.getByRole("link", { name: "Settings" }).click();
  await expect(app.getByRole("heading", { name: "Security" })).toBeVisible();
  await checkDark(app, "settings");
});
