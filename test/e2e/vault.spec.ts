import { expect, test } from "./fixtures";

const PASSPHRASE = "correct horse battery staple";

test("create, lock and unlock the vault, and keep a new key in it", async ({ app, harness }) => {
  await app.getByRole("link", { name: "Vault", exact: true }).click();
  await app.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await app.getByLabel("Confirm passphrase").fill(PASSPHRASE);
  await app.getByRole("button", { name: /Create vault/ }).click();
  await expect(app.getByRole("button", { name: "Lock now" }).first()).toBeVisible();

  await app.getByRole("link", { name: "Keys" }).click();
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Reporting");
  await dialog.getByRole("button", { name: "Generate" }).click();
  const keep = dialog.getByRole("checkbox", { name: "Keep in vault" });
  await expect(keep).toBeChecked();
  await dialog.getByRole("button", { name: "Copy", exact: true }).click();
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  await expect(app.getByRole("dialog")).toHaveCount(0);

  await app.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(app.getByText("Reporting").first()).toBeVisible();

  await app.getByRole("button", { name: "Lock now" }).first().click();
  await expect(app.getByRole("button", { name: "Unlock", exact: true })).toBeVisible();
  expect((await harness.core.vault.status()).unlocked).toBe(false);

  await app.getByLabel("Passphrase", { exact: true }).fill("wrong passphrase here");
  await app.getByRole("button", { name: "Unlock", exact: true }).click();
  await expect(app.getByText(/passphrase/i).filter({ hasText: /wrong|not|incorrect|does not/i }).first()).toBeVisible();

  await app.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await app.getByRole("button", { name: "Unlock", exact: true }).click();
  await expect(app.getByText("Reporting").first()).toBeVisible();
  expect((await harness.core.vault.status()).unlocked).toBe(true);
});
