/**
 * Monitoring in the app, through the browser harness on a real workspace server whose clock (and
 * the app's) the test sets: keys created on one day, used by real requests on later days, then
 * looked at forty days on. Each finding shows on the right key with its evidence; a key with none
 * shows none; each action works; dismissals are remembered; thresholds change what is found.
 */
import type { Page } from "@playwright/test";
import type { FindingKind } from "../../shared/domain/findings";
import type { Harness } from "../harness/harness-server";
import { axeViolations } from "./support/axe";
import { monitoredWorkspace, NOW, type Monitored } from "./support/monitored-workspace";
import { expect, test } from "./fixtures";

/** The page at the test's clock too, so "today" and "9 days ago" agree with the workspace. */
async function openApp(page: Page, harness: Harness) {
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(harness.pageUrl);
}

async function openFindings(page: Page, harness: Harness) {
  await openApp(page, harness);
  await page.getByRole("link", { name: "Findings" }).click();
  await expect(page.getByRole("heading", { name: "Findings", level: 1 })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
}

const findingRow = (page: Page, keyName: string, title: string) =>
  page.locator("tbody tr").filter({ has: page.getByRole("button", { name: keyName, exact: true }) }).filter({ hasText: title });

test.describe("findings", () => {
  let monitored: Monitored;
  test.beforeEach(async ({ tempDir }) => {
    monitored = await monitoredWorkspace(tempDir);
  });
  test.afterEach(async () => {
    await monitored.harness.close();
    await monitored.ws.stop();
  });

  test("each finding shows on the right key with its evidence; a key in good use shows none", async ({ page }) => {
    const { harness } = monitored;
    await openFindings(page, harness);
    const expected: [string, FindingKind, string, RegExp][] = [
      ["Old reports", "never_used", "Never used", /40 days/],
      ["Full reader", "broader_than_use", "Broader than its use", /read-only would do/],
      ["Shared bot", "shared_key", "Shared key", /4 (distinct )?clients/],
      ["Retired pipeline", "refused_requests", "Refused requests", /1 request refused as revoked/],
      ["Expiring export", "expiring_soon", "Expiring soon", /5 days/],
      ["Nightly sync", "dormant_awakened", "Dormant key awakened", /Used today .* after 39 days without use \(previous use 2026-01-05\)/],
    ];
    for (const [name, , title, evidence] of expected) {
      await expect(findingRow(page, name, title), `${title} on ${name}`).toHaveCount(1);
      await expect(findingRow(page, name, title)).toContainText(evidence);
    }
    await expect(page.locator("tbody").getByRole("button", { name: "Busy app", exact: true })).toHaveCount(0);

    // Counts by severity (buttons that filter) and by kind (a chart, with the counts in the filter too).
    await expect(page.getByRole("group", { name: "Open findings by severity" })).toBeVisible();
    await expect(page.getByRole("figure", { name: "Open findings by kind" }).locator(".recharts-bar-rectangle")).not.toHaveCount(0);
    await page.getByRole("combobox", { name: "Kind" }).selectOption("shared_key");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await page.getByRole("combobox", { name: "Kind" }).selectOption("all");
    const medium = page.getByRole("button", { name: /Medium/ });
    await medium.click();
    await expect(medium).toHaveAttribute("aria-pressed", "true");
    for (const row of await page.locator("tbody tr").all()) await expect(row).toContainText("Medium");
    await medium.click();
    expect(await axeViolations(page)).toEqual([]);

    // The keys table: badges on the rows, and a filter by finding.
    await page.getByRole("link", { name: "Keys" }).click();
    // One finding: its kind; several: their count, with each explanation on hover.
    await expect(page.getByRole("row", { name: /Full reader/ })).toContainText("Broader than its use");
    const several = page.getByRole("row", { name: /Shared bot/ }).locator(".badge-severity");
    await expect(several).toHaveText("2 findings");
    await several.hover();
    await expect(page.getByRole("tooltip")).toContainText("Shared key: Used by 4 clients");
    await expect(page.getByRole("row", { name: /Busy app/ }).locator(".badge-severity")).toHaveCount(0);
    await page.getByRole("combobox", { name: "Findings" }).selectOption("broader_than_use");
    await expect(page.locator(".keys-tbody .keys-row")).toHaveCount(1);
    await expect(page.locator(".keys-tbody .keys-row")).toContainText("Full reader");
    await page.getByRole("combobox", { name: "Findings" }).selectOption("with");
    await expect(page.getByRole("row", { name: /Busy app/ })).toHaveCount(0);
  });

  test("actions: narrowing a full key that only reads, revoking an unused one, dismissing with a note that is remembered", async ({ page }) => {
    const { harness, ids } = monitored;
    await openFindings(page, harness);

    // The advisor's suggestion opens the rescope wizard with read-only chosen.
    await findingRow(page, "Full reader", "Broader than its use").getByRole("button", { name: "Narrow to Read-only…" }).click();
    const wizard = page.getByRole("dialog");
    await expect(wizard.getByRole("radio", { name: /Read-only/ })).toBeChecked();
    await expect(wizard.getByText(/Read-only is preselected, since it covers everything the key did recently/)).toBeVisible();
    await wizard.getByRole("button", { name: "Cancel" }).first().click();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // Revoke resolves "never used": the finding goes with the key.
    await findingRow(page, "Old reports", "Never used").getByRole("button", { name: "Revoke…" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByRole("radio", { name: "Unused" }).check();
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(findingRow(page, "Old reports", "Never used")).toHaveCount(0);
    expect((await harness.core.keys.list()).find((key) => key.id === ids["Old reports"])?.status).toBe("revoked");

    // Dismiss needs a note; the dismissal is kept, shown, and recorded in the app's audit log.
    await findingRow(page, "Shared bot", "Shared key").getByRole("button", { name: "Dismiss…" }).click();
    const dismiss = page.getByRole("dialog", { name: /Dismiss “Shared key” on Shared bot/ });
    await dismiss.getByRole("button", { name: "Dismiss finding" }).click();
    await expect(dismiss.getByText("Say why this finding is dismissed")).toBeVisible();
    await dismiss.getByLabel("Why does it need no action?").fill("One bot fleet behind a NAT; tracked in OPS-311");
    await dismiss.getByRole("button", { name: "Dismiss finding" }).click();
    await expect(findingRow(page, "Shared bot", "Shared key")).toHaveCount(0);
    await page.reload();
    await page.getByLabel("Show dismissed").check();
    await expect(findingRow(page, "Shared bot", "Shared key")).toContainText("One bot fleet behind a NAT; tracked in OPS-311");
    const events = await harness.core.activity.read({ type: "finding.dismissed" });
    expect(events[0]?.data).toMatchObject({ findingId: `shared_key:${ids["Shared bot"]}`, note: "One bot fleet behind a NAT; tracked in OPS-311" });
    await findingRow(page, "Shared bot", "Shared key").getByRole("button", { name: "Restore" }).click();
    await page.getByLabel("Show dismissed").uncheck();
    await expect(findingRow(page, "Shared bot", "Shared key")).toHaveCount(1);
  });

  test("settings: a shorter rotation policy makes keys overdue, with 'Rotate…'; a shorter expiry window drops 'expiring soon'", async ({ page }) => {
    const { harness } = monitored;
    await openFindings(page, harness);
    await expect(findingRow(page, "Busy app", "Rotation overdue")).toHaveCount(0);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Rotate keys every (days)").fill("30");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.getByLabel("Expiring soon: within (days)").fill("3");
    await page.getByRole("button", { name: "Save thresholds" }).click();
    await expect(page.getByText("Thresholds saved; findings checked again.")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Findings" }).click();
    await expect(findingRow(page, "Busy app", "Rotation overdue")).toContainText(/30 days/);
    await expect(findingRow(page, "Expiring export", "Expiring soon")).toHaveCount(0);
    await findingRow(page, "Busy app", "Rotation overdue").getByRole("button", { name: "Rotate…" }).click();
    await expect(page.getByRole("dialog").getByRole("button", { name: "Generate new key" })).toBeVisible();
  });

  test("a key's details show its requests per day as a chart, its clients, its refusals by reason, and its findings", async ({ page }) => {
    const { harness } = monitored;
    await openApp(page, harness);
    await page.getByRole("button", { name: "Shared bot", exact: true }).click();
    const details = page.getByRole("dialog", { name: /Shared bot/ });
    await expect(details.getByRole("region", { name: "Findings" })).toContainText("Shared key");
    const usage = details.getByRole("region", { name: "Usage" });
    await expect(usage.getByText("4 requests in 30 days: 4 reads, 0 writes, none refused.")).toBeVisible();
    await expect(usage.getByRole("figure", { name: "Requests per day over the last 30 days" }).locator(".recharts-bar-rectangle")).not.toHaveCount(0);
    for (const agent of ["bot-a/1.0", "bot-b/1.0", "bot-c/1.0", "bot-d/1.0"]) await expect(usage.getByRole("table", { name: /Clients/ })).toContainText(agent);
    await usage.getByRole("button", { name: "90 days" }).click();
    await expect(usage.getByRole("figure", { name: "Requests per day over the last 90 days" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await details.getByRole("button", { name: "Close", exact: true }).last().click();

    await page.getByLabel("Show revoked and expired").check();
    await page.getByRole("button", { name: "Retired pipeline", exact: true }).click();
    const retired = page.getByRole("dialog", { name: /Retired pipeline/ });
    const refusals = retired.getByRole("table", { name: "Refused requests by reason" });
    await expect(refusals).toContainText("key revoked");
    await expect(refusals.getByRole("row").nth(1)).toContainText("1");
    await expect(retired.getByRole("region", { name: "Findings" })).toContainText("1 request refused as revoked");
  });
});
