import { expect, heapText, test, workspaceUrl } from "./fixtures";

test("first start reaches the keys table of the local workspace with no set-up", async ({ app }) => {
  await expect(app.getByText("No API keys yet")).toBeVisible();
  await expect(app.getByRole("button", { name: "Create API Key" }).first()).toBeVisible();
  await expect(app.getByText("Local workspace").first()).toBeVisible();
});

test("generate a key, show it only on request, copy it once, and the copied key works against the workspace", async ({ app, harness }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Zapier Integration");
  await dialog.getByRole("radio", { name: "Read and write" }).check();
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByText(/won't be able to see it again/i)).toBeVisible();
  // The dialog opens on Copy, and the secret is not in the page until someone asks to see it.
  await expect(dialog.getByRole("button", { name: "Copy", exact: true })).toBeFocused();
  expect(await heapText(app)).not.toMatch(/uo_live_[0-9A-Za-z]{38}/);

  await dialog.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(dialog.getByText(/Copied/)).toBeVisible();
  const copied = harness.clipboard.text;
  expect(copied).toMatch(/^uo_live_[0-9A-Za-z]{38}$/);
  expect(harness.clipboard.writtenAsSecret).toBe(true);
  await expect(dialog.getByText(copied)).toHaveCount(0);
  expect(await heapText(app)).not.toContain(copied);

  const whoami = await fetch(`${workspaceUrl(harness)}/v1/whoami`, { headers: { authorization: `Bearer ${copied}` } });
  expect(whoami.status).toBe(200);
  expect(await whoami.json()).toMatchObject({ name: "Zapier Integration", scope: "write" });

  // Show asks the main process for it; then the page holds it until the dialog closes.
  await dialog.getByRole("button", { name: "Show" }).click();
  await expect(dialog.getByText(copied)).toBeVisible();
  expect(await heapText(app)).toContain(copied);
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  await expect(app.getByRole("dialog")).toHaveCount(0);
  const row = app.getByRole("row", { name: /Zapier Integration/ });
  await expect(row).toBeVisible();
  await expect(row.getByText("Read and write")).toBeVisible();

  // After the dialog closed, the secret is nowhere in the page: not in the DOM, not in the heap.
  expect(await app.content()).not.toContain(copied);
  expect(await heapText(app)).not.toContain(copied);
  // And the main process no longer gives it out.
  expect(harness.core.held.handleOf(JSON.parse(JSON.stringify((await harness.core.keys.list())[0]!)).id)).toBeUndefined();
});

test("closing the new key's dialog without copying asks first", async ({ app }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Internal Dashboard");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  await expect(app.getByText(/haven't copied this key/i)).toBeVisible();
  await app.getByRole("button", { name: "Go back" }).click();
  await expect(app.getByText(/won't be able to see it again/i)).toBeVisible();
  await app.getByRole("button", { name: "I have stored it" }).click();
  await app.getByRole("button", { name: "Close without copying" }).click();
  await expect(app.getByRole("dialog")).toHaveCount(0);
  await expect(app.getByRole("row", { name: /Internal Dashboard/ })).toBeVisible();
});

test("revoke a key from its row menu with a chosen reason, and the workspace refuses it at once", async ({ app, harness }) => {
  await app.getByRole("button", { name: "Create API Key" }).first().click();
  const dialog = app.getByRole("dialog");
  await dialog.getByLabel("Name").fill("CI/CD Pipeline");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await dialog.getByRole("button", { name: "Copy", exact: true }).click();
  const secret = harness.clipboard.text;
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  const url = workspaceUrl(harness);
  expect((await fetch(`${url}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);

  await app.getByRole("button", { name: /Actions for CI\/CD Pipeline/ }).click();
  await app.getByRole("menuitem", { name: "Revoke…" }).click();
  const confirm = app.getByRole("alertdialog");
  await expect(confirm.getByText(/CI\/CD Pipeline/).first()).toBeVisible();
  // No reason is preselected: the user must choose.
  for (const reason of ["Compromised", "Unused", "Rotated", "Other"]) await expect(confirm.getByRole("radio", { name: reason })).not.toBeChecked();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm.getByText("Choose why the key is revoked")).toBeVisible();
  await confirm.getByRole("radio", { name: "Compromised" }).check();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(app.getByRole("alertdialog")).toHaveCount(0);

  const refused = await fetch(`${url}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("revoked_key");
  // A compromised key: the app offers its replacement with the same scope.
  await expect(app.getByText(/replacement/i).first()).toBeVisible();
  // Revoked keys are hidden by default, behind a toggle with their count.
  await expect(app.getByRole("row", { name: /CI\/CD Pipeline/ })).toHaveCount(0);
  await app.getByRole("checkbox", { name: /Show revoked and expired \(1\)/ }).check();
  await expect(app.getByRole("row", { name: /CI\/CD Pipeline/ }).getByText("Revoked")).toBeVisible();
});
