import { startHarness } from "../harness/harness-server";
import { expect, RENDERER_DIR, REPO_ROOT, seedKey as seed, test, workspaceUrl } from "./fixtures";
import { startIntegration } from "./support/integration";

const seedKey = (harness: import("../harness/harness-server").Harness, name: string) => seed(harness, name, { description: "Zapier reads it from ZAPIER_API_KEY" });

test("rotate a key in use without a single failed request, verified by the integration's own use", async ({ page, harness }) => {
  const old = await seedKey(harness, "Zapier Integration");
  const url = workspaceUrl(harness);
  const integration = startIntegration(url, old.secret);
  await page.goto(harness.pageUrl);

  await page.getByRole("button", { name: /Actions for Zapier Integration/ }).click();
  await page.getByRole("menuitem", { name: "Rotate…" }).click();
  const wizard = page.getByRole("dialog");
  await wizard.getByRole("button", { name: "Generate new key" }).click();
  await wizard.getByRole("button", { name: "Copy", exact: true }).click();
  const newSecret = harness.clipboard.text;
  expect(newSecret).not.toBe(old.secret);
  expect(newSecret).toMatch(/^uo_live_/);
  await wizard.getByRole("button", { name: "Next" }).click();

  // Step 2: the integration is updated with the new key.
  await expect(wizard.getByText(/ZAPIER_API_KEY/)).toBeVisible();
  await wizard.getByRole("button", { name: "Copy new key" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();

  // Step 3: not verified until the integration itself uses the new key.
  await wizard.getByRole("button", { name: "Test the new key" }).click();
  await expect(wizard.getByText(old.key.name).first()).toBeVisible();
  await page.waitForTimeout(2500);
  await expect(wizard.getByText("Verified", { exact: false })).toHaveCount(0);
  await expect(wizard.getByRole("button", { name: "Next" })).toBeDisabled();
  integration.useKey(harness.clipboard.text);
  await expect(wizard.getByText(/Verified/).first()).toBeVisible({ timeout: 20_000 });
  await expect(wizard.getByText(/zapier-client\/2\.1/).first()).toBeVisible();
  await wizard.getByRole("button", { name: "Next" }).click();

  // Step 4: the old key was used seconds ago, so revoking it now asks once more, naming that use.
  await expect(wizard.getByRole("radio", { name: "Revoke now" })).toBeChecked();
  await wizard.getByRole("button", { name: "Revoke old key" }).click();
  await expect(page.getByText(/127\.0\.0\.1 \(zapier-client\/2\.1\)/).first()).toBeVisible();
  await page.getByRole("button", { name: "Revoke anyway" }).click();
  await expect(page.getByRole("button", { name: "Done" })).toBeVisible();
  await page.waitForTimeout(500); // the integration keeps calling, on the new key
  const stats = await integration.stop();
  await page.getByRole("button", { name: "Done" }).click();

  expect(stats.failed, stats.failures.join("\n")).toBe(0);
  expect(stats.requests).toBeGreaterThan(20);
  expect(stats.keysUsed).toEqual([old.secret.slice(0, 14), newSecret.slice(0, 14)]);
  const refused = await fetch(`${url}/v1/feedback`, { headers: { authorization: `Bearer ${old.secret}` } });
  expect(refused.status).toBe(401);
  await page.getByRole("checkbox", { name: /Show revoked and expired/ }).check();
  await expect(page.getByRole("row", { name: /Zapier Integration/ }).filter({ hasText: "Revoked" })).toHaveCount(1);
});

test("revoking after a grace period leaves the old key working until the server expires it, and never asks 'revoke anyway'", async ({ app, harness }) => {
  const old = await seedKey(harness, "CI/CD Pipeline");
  // The integration used the old key seconds ago: a grace period exists for exactly that case.
  expect((await fetch(`${workspaceUrl(harness)}/v1/whoami`, { headers: { authorization: `Bearer ${old.secret}` } })).status).toBe(200);
  await app.reload();
  await app.getByRole("button", { name: /Actions for CI\/CD Pipeline/ }).click();
  await app.getByRole("menuitem", { name: "Rotate…" }).click();
  const wizard = app.getByRole("dialog");
  await wizard.getByRole("button", { name: "Generate new key" }).click();
  await wizard.getByRole("button", { name: "Copy", exact: true }).click();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: /Continue without verification/ }).click();
  await app.getByRole("button", { name: /Continue/ }).last().click();
  await wizard.getByRole("radio", { name: "After 1 hour" }).check();
  await wizard.getByRole("button", { name: "Schedule revocation" }).click();
  await expect(app.getByRole("button", { name: "Done" })).toBeVisible();
  await expect(app.getByText("Revoke anyway")).toHaveCount(0);
  const url = workspaceUrl(harness);
  expect((await fetch(`${url}/v1/whoami`, { headers: { authorization: `Bearer ${old.secret}` } })).status).toBe(200);
  const key = await harness.core.workspaces.client().client.getKey(old.key.id);
  expect(Date.parse(key.expiresAt!) - Date.now()).toBeGreaterThan(3500_000);
  expect(Date.parse(key.expiresAt!) - Date.now()).toBeLessThanOrEqual(3600_000);
});

test("an unfinished rotation resumes at its step after a restart", async ({ browser, tempDir }) => {
  const options = { dataDir: tempDir(), rendererDir: RENDERER_DIR, repoRoot: REPO_ROOT };
  let harness = await startHarness(options);
  const old = await seedKey(harness, "Internal Dashboard");
  let page = await browser.newPage();
  await page.goto(harness.pageUrl);
  await page.getByRole("button", { name: /Actions for Internal Dashboard/ }).click();
  await page.getByRole("menuitem", { name: "Rotate…" }).click();
  await page.getByRole("button", { name: "Generate new key" }).click();
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click(); // now at Verify
  await page.close();
  await harness.close();

  harness = await startHarness(options);
  try {
    page = await browser.newPage();
    await page.goto(harness.pageUrl);
    await page.getByRole("button", { name: /Resume rotation of Internal Dashboard/ }).click();
    const wizard = page.getByRole("dialog");
    await expect(wizard.getByRole("button", { name: "Test the new key" })).toBeVisible();
    await expect(wizard.locator('[aria-current="step"]')).toContainText("Verify");
    expect((await harness.core.rotations.list())[0]).toMatchObject({ oldKeyId: old.key.id, step: "verify" });
  } finally {
    await harness.close();
  }
});

test("a rotation reminder's click opens that key's rotation", async ({ browser, tempDir }) => {
  let offsetDays = 0;
  const harness = await startHarness({ dataDir: tempDir(), rendererDir: RENDERER_DIR, repoRoot: REPO_ROOT, now: () => new Date(Date.now() + offsetDays * 86_400_000) });
  try {
    await seedKey(harness, "Support Bot");
    const page = await browser.newPage();
    await page.goto(harness.pageUrl);
    await expect(page.getByRole("row", { name: /Support Bot/ })).toBeVisible();
    offsetDays = 91;
    await page.getByRole("button", { name: "Refresh keys" }).click();
    await expect.poll(() => harness.notifier.shown.map((n) => n.title)).toEqual(["“Support Bot” is overdue for rotation by 1 day"]);
    expect(JSON.stringify(harness.notifier.shown)).not.toMatch(/uo_live_[0-9A-Za-z]{38}/);
    harness.notifier.shown[0]!.click();
    await expect(page.getByRole("dialog", { name: /Rotate Support Bot/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Generate new key" })).toBeVisible();
  } finally {
    await harness.close();
  }
});
