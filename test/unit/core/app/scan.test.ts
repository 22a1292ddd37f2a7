/**
 * The desktop's leak scans through the IPC handlers, on a real app core attached to a real
 * workspace server: folders chosen in the dialog, matched finds grouped by key, the workspace's
 * keys remembered per folder for monitoring (and cleared by a later scan that no longer finds
 * them), one scan at a time, cancel, offline finds unmatched, exports without a secret.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it as plainIt } from "vitest";
import { displayForm, generateCredential } from "../../../../shared/credential";
import type { EventPayload, ScanReport } from "../../../../shared/ipc/contract";
import { createTestCore, channelValue, callChannel, type TestCore } from "../../../support/app-core";
import { coreTest as it, type AppUnderTest } from "../../../support/core-fixture";
import { startWorkspace, type TestWorkspace } from "../../../support/test-server";

for (const name of ["GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"]) delete process.env[name];
process.env.GIT_CONFIG_GLOBAL = "/dev/null";
process.env.GIT_CONFIG_NOSYSTEM = "1";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "keyward-scan-app-")));
  made.push(dir);
  write(dir, files);
  return dir;
}

function write(dir: string, files: Record<string, string | null>): void {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (content === null) fs.rmSync(full);
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

function repo(files: Record<string, string>): string {
  const dir = folder({});
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "Ada Author");
  git(dir, "config", "user.email", "ada@example.invalid");
  commit(dir, "first", files);
  return dir;
}

function commit(dir: string, message: string, files: Record<string, string | null>): void {
  write(dir, files);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--allow-empty", "--no-verify", "-m", message);
}

type Finished = EventPayload<"scan.finished">;

/** Chooses the folder in the dialog, starts a scan and waits for its end. */
async function scan(app: TestCore, dir: string, options: { history?: boolean; noIgnore?: boolean } = {}): Promise<Finished> {
  app.chooser.answer(dir);
  const chosen = await channelValue(app, "scan.chooseFolder");
  expect(chosen.path).toBe(dir);
  const run = await channelValue(app, "scan.start", { folder: dir, ...options });
  return finished(app, run.id);
}

async function finished(app: TestCore, id: string): Promise<Finished> {
  await expect.poll(() => app.events.some((event) => event.event === "scan.finished" && (event.payload as Finished).id === id), { timeout: 30_000 }).toBe(true);
  return app.events.find((event) => event.event === "scan.finished" && (event.payload as Finished).id === id)!.payload as Finished;
}

async function seed(app: AppUnderTest, name: string) {
  const created = await app.value("keys.create", { name, scope: "read" });
  const secret = await app.reveal(created.handle);
  await app.value("keys.finishReveal", { handle: created.handle, keepInVault: false });
  return { id: created.key.id as string, display: created.key.display as string, secret };
}

const statusesOf = (report: ScanReport) => Object.fromEntries(report.groups.map((group) => [group.display, group.match.status]));
const scansFile = (app: TestCore) => fs.readFileSync(path.join(app.dataDir, "scans.json"), "utf8");

function expectNoSecret(secrets: string[], ...texts: string[]) {
  for (const text of texts) for (const secret of secrets) expect(text.includes(secret.slice(8, -6)), "a secret's body appears").toBe(false);
}

describe("desktop leak scans", () => {
  it("groups finds by key with their match, and remembers the workspace's keys for monitoring across a restart", async ({ app }) => {
    const active = await seed(app, "Billing worker");
    const revoked = await seed(app, "Old CI");
    await app.value("keys.revoke", { id: revoked.id, reason: "compromised" });
    const stranger = generateCredential("live");
    const dir = folder({ "config/.env": `BILLING_KEY=${active.secret}\n`, "deploy.yml": `key: ${active.secret}\nold: ${revoked.secret}\n`, "notes.txt": `not ours: ${stranger}\n` });

    const end = await scan(app, dir);
    expect(end.outcome).toBe("done");
    const report = end.report!;
    expect(report).toMatchObject({ workspace: { id: "attached", name: "Test workspace" }, unmatchedReason: null, findingCount: 4, groupCount: 3 });
    expect(statusesOf(report)).toEqual({ [active.display]: "active", [revoked.display]: "revoked", [displayForm(stranger)]: "none" });
    // Active keys first, with their name and every place.
    expect(report.groups[0]).toMatchObject({ match: { status: "active", keyId: active.id, name: "Billing worker" }, locationCount: 2 });
    expect(report.groups[0]!.locations.map((place) => `${place.file}:${place.line}:${place.column}`)).toEqual(["config/.env:1:13", "deploy.yml:1:6"]);
    expect(app.events.some((event) => event.event === "scan.progress")).toBe(true);

    const leaks = app.core.scans.leaks("attached");
    expect(leaks.map((leak) => leak.keyId).sort()).toEqual([active.id, revoked.id].sort());
    expect(leaks.find((leak) => leak.keyId === active.id)).toMatchObject({ display: active.display, locations: ["config/.env:1", "deploy.yml:1"], locationCount: 2 });
    expect(app.core.scans.leaks("another-workspace")).toEqual([]);
    expectNoSecret([active.secret, revoked.secret, stranger], scansFile(app), JSON.stringify(app.events));
    // The app's own audit log says a scan found three keys, one of them live.
    const [completed] = await app.core.activity.read({ type: "scan.completed" });
    expect(completed?.data).toEqual({ folder: dir, history: false, keysFound: 3, activeKeysFound: 1, workspace: "Test workspace" });

    await app.restart();
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId).sort()).toEqual([active.id, revoked.id].sort());
    // The folder is offered again, and can be scanned again without the dialog.
    const status = await app.value("scan.status");
    expect(status.recent.map((recent: { path: string }) => recent.path)).toEqual([dir]);
    expect((await app.call("scan.start", { folder: dir })).ok).toBe(true);
  });

  it("clears a key's leak when a later scan of the same folder no longer finds it; a scan of another folder leaves it alone", async ({ app }) => {
    const kept = await seed(app, "Reporting");
    const removed = await seed(app, "Webhook relay");
    const dir = folder({ "a.env": `REPORTING=${kept.secret}\n`, "b.env": `RELAY=${removed.secret}\n` });
    await scan(app, dir);
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId).sort()).toEqual([kept.id, removed.id].sort());

    write(dir, { "b.env": "RELAY=${RELAY_KEY}\n" });
    expect((await scan(app, folder({ "empty.txt": "nothing here" }))).report!.groupCount).toBe(0);
    expect(app.core.scans.leaks("attached")).toHaveLength(2);
    await scan(app, dir);
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId)).toEqual([kept.id]);
    write(dir, { "a.env": null });
    await scan(app, dir);
    expect(app.core.scans.leaks("attached")).toEqual([]);
    expect(JSON.parse(scansFile(app)).folders).toEqual([]);
  });

  it("keeps what the history leaks until a scan that reads the history no longer finds it, with the commit and its author", async ({ app }) => {
    const search = await seed(app, "Search indexer");
    const mail = await seed(app, "Mailer");
    const dir = repo({ "app.env": `SEARCH=${search.secret}\n`, "mail.env": `MAIL=${mail.secret}\n` });
    expect((await scan(app, dir, { history: true })).outcome).toBe("done");
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId).sort()).toEqual([search.id, mail.id].sort());

    // The mailer's key is removed from the files, but a commit of the history still holds it.
    commit(dir, "remove the mail key", { "mail.env": null });
    const filesOnly = await scan(app, dir);
    expect(statusesOf(filesOnly.report!)).toEqual({ [search.display]: "active" });
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId).sort()).toEqual([search.id, mail.id].sort());
    const withHistory = await scan(app, dir, { history: true });
    const mailGroup = withHistory.report!.groups.find((group) => group.display === mail.display)!;
    expect(mailGroup).toMatchObject({ inWorkingTree: false, locations: [{ file: "mail.env", inWorkingTree: false, commitCount: 1, authors: ["Ada Author <ada@example.invalid>"] }] });
    expect(app.core.scans.leaks("attached").find((leak) => leak.keyId === mail.id)!.locations).toEqual([expect.stringMatching(/^[0-9a-f]{10}:mail\.env:1$/)]);

    // A key on a branch that is then deleted leaves the history: the next history scan clears it.
    const branchOnly = await seed(app, "Experiment");
    git(dir, "checkout", "-q", "-b", "experiment");
    commit(dir, "try a key", { "try.env": `KEY=${branchOnly.secret}\n` });
    git(dir, "checkout", "-q", "main");
    await scan(app, dir, { history: true });
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId)).toContain(branchOnly.id);
    git(dir, "branch", "-q", "-D", "experiment");
    await scan(app, dir, { history: true });
    expect(app.core.scans.leaks("attached").map((leak) => leak.keyId).sort()).toEqual([search.id, mail.id].sort());
  });

  it("runs one scan at a time, cancels, and takes only folders the user chose", async ({ app }) => {
    const dir = folder(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`data/file-${i}.txt`, "x".repeat(20_000)])));
    expect(await app.call("scan.start", { folder: dir })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    app.chooser.answer(dir);
    await app.value("scan.chooseFolder");
    expect(await app.call("scan.start", { folder: dir, history: true })).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringMatching(/not in a git repository/) } });
    expect(await app.call("scan.start", { folder: dir, extra: 1 })).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    const run = await app.value("scan.start", { folder: dir });
    expect(await app.call("scan.start", { folder: dir })).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect((await app.value("scan.status")).running).toMatchObject({ id: run.id, folder: { path: dir } });
    expect(await app.value("scan.cancel")).toEqual({ cancelled: true });
    expect(await finished(app, run.id)).toMatchObject({ outcome: "cancelled", report: null });
    expect((await app.value("scan.status")).running).toBeNull();
    expect(await app.value("scan.cancel")).toEqual({ cancelled: false });

    // Quitting cancels a running scan and waits for it.
    const again = await app.value("scan.start", { folder: dir });
    await app.core.scans.dispose();
    expect(await finished(app, again.id)).toMatchObject({ outcome: "cancelled" });
  });

  it("exports the results as SARIF 2.1.0 and JSON, with no secret", async ({ app }) => {
    expect(await app.call("scan.export", { format: "json" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const key = await seed(app, "Exported");
    const dir = folder({ "src/settings.py": `API_KEY = "${key.secret}"\n` });
    await scan(app, dir);
    const sarifPath = (await app.value("scan.export", { format: "sarif" })).path as string;
    const jsonPath = (await app.value("scan.export", { format: "json" })).path as string;
    expect(path.dirname(sarifPath)).toBe(path.join(app.dataDir, "exports"));
    expect(sarifPath).toMatch(/keyward-scan-.+\.sarif$/);
    const sarif = JSON.parse(fs.readFileSync(sarifPath, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0]).toMatchObject({ level: "error", properties: { display: key.display, match: "active", keyId: key.id } });
    const json = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
    expect(json.findings).toEqual([expect.objectContaining({ display: key.display, file: "src/settings.py", line: 1, match: "active", keyId: key.id, name: "Exported" })]);
    expectNoSecret([key.secret], fs.readFileSync(sarifPath, "utf8"), fs.readFileSync(jsonPath, "utf8"));
  });
});

describe("desktop leak scans without a workspace", () => {
  let workspace: TestWorkspace;

  plainIt("shows finds unmatched, says why, and remembers nothing, when the workspace stopped answering", async () => {
    workspace = await startWorkspace();
    const created = await workspace.createKey("read", "Lost key");
    const app = createTestCore({ attached: { name: "Gone workspace", url: workspace.url, adminToken: workspace.adminToken } });
    try {
      await app.core.start();
      expect(app.core.workspaces.current().state).toBe("connected");
      await workspace.stop();
      const dir = folder({ ".env": `KEY=${created.secret}\n` });
      const end = await scan(app, dir);
      expect(end.outcome).toBe("done");
      expect(end.report).toMatchObject({ workspace: null, groupCount: 1, groups: [{ match: { status: "unmatched", keyId: null } }] });
      expect(end.report!.unmatchedReason).toMatch(/^Cannot reach the workspace at .*shown unmatched/);
      expect(app.core.scans.leaks("attached")).toEqual([]);
      const failed = await callChannel(app, "scan.start", { folder: path.join(dir, "missing") });
      expect(failed).toMatchObject({ ok: false, error: { code: "not_found" } });
    } finally {
      await app.core.dispose();
    }
  });
});
