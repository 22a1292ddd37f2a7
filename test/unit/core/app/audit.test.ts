/**
 * The desktop's audit work through the IPC handlers, on a real app core attached to a real
 * workspace server: the audit log view (both sources merged, filtered, paged without loss), a key's
 * own events, the chains' verification, a bundle saved and opened offline (and a tampered copy),
 * reviews (decisions, resume after a restart, sign-off, carrying out, reports), the fingerprint.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect } from "vitest";
import type { AuditBundle } from "../../../../shared/api/schemas";
import { canonicalJson } from "../../../../shared/canonical-json";
import type { AuditLogEntry, AuditLogPage, OpenedBundleView } from "../../../../shared/ipc/contract";
import type { Review } from "../../../../shared/domain/review";
import { coreTest as it, type AppUnderTest } from "../../../support/core-fixture";

async function seed(app: AppUnderTest, name: string, scope: "read" | "write" | "full" = "write") {
  const created = await app.value("keys.create", { name, scope });
  await app.value("keys.finishReveal", { handle: created.handle, keepInVault: false });
  return { id: created.key.id as string, display: created.key.display as string };
}

/** Every page of the log for a query, following the cursors. */
async function allPages(app: AppUnderTest, query: Record<string, unknown>): Promise<AuditLogEntry[]> {
  const entries: AuditLogEntry[] = [];
  let cursor: AuditLogPage["next"] | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await app.value<AuditLogPage>("audit.log", { ...query, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    if (!page.next) return entries;
    cursor = page.next;
  }
  throw new Error("the log never ended");
}

async function openBundle(app: AppUnderTest, file: string): Promise<OpenedBundleView> {
  app.chooser.answer(file);
  return app.value<OpenedBundleView>("audit.openBundle");
}

const localEvents = (app: AppUnderTest) =>
  fs
    .readFileSync(path.join(app.dataDir, "audit-log.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown>; keyId?: string });

describe("the audit log view", () => {
  it("merges the workspace's events and the app's own, newest first, marked by source; filters and pages without losing or repeating one", async ({ app }) => {
    const billing = await seed(app, "Billing");
    const search = await seed(app, "Search", "read");
    await app.value("keys.revoke", { id: billing.id, reason: "unused" });
    await app.core.activity.settled();

    const everything = await allPages(app, { limit: 3 });
    const sources = new Set(everything.map((entry) => entry.source));
    expect(sources).toEqual(new Set(["workspace", "app"]));
    const times = everything.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    const ids = everything.map((entry) => `${entry.source}:${entry.seq}`);
    expect(new Set(ids).size).toBe(ids.length);
    // Every event of both sources, once.
    const workspaceHead = (await app.core.workspaces.client().client.auditEvents({ order: "desc", limit: 1 })).head.seq;
    expect(everything.filter((entry) => entry.source === "workspace").map((entry) => entry.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: workspaceHead }, (_, i) => i + 1));
    expect(everything.filter((entry) => entry.source === "app")).toHaveLength(localEvents(app).length);

    // A key's events, from both sources.
    const ofBilling = await allPages(app, { keyId: billing.id });
    // (The app writes its event when the log is open, a moment after the action: compare as a set.)
    expect(ofBilling.map((entry) => `${entry.source} ${entry.type}`).sort()).toEqual(["app key.generated", "app key.revoked", "workspace key.created", "workspace key.revoked"]);
    expect(ofBilling.map((entry) => entry.at)).toEqual(ofBilling.map((entry) => entry.at).sort().reverse());
    // Type, actor (any part, any case), source and date range.
    expect((await allPages(app, { type: "key.created" })).map((entry) => entry.keyId)).toEqual([search.id, billing.id]);
    expect(new Set((await allPages(app, { actor: "KEYWARD-desk" })).map((entry) => entry.source))).toEqual(new Set(["app"]));
    expect(new Set((await allPages(app, { source: "workspace" })).map((entry) => entry.source))).toEqual(new Set(["workspace"]));
    expect(await allPages(app, { since: "2001-01-01T00:00:00.000Z", until: "2001-12-31T23:59:59.999Z" })).toEqual([]);
    const bad = await app.call("audit.log", { since: "2026-02-01T00:00:00.000Z", until: "2026-01-01T00:00:00.000Z" });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", message: "until: The end of the date range is before its start" } });
    expect(await app.call("audit.log", { limit: 5, extra: 1 })).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    // The key details' channel: the workspace's events and this app's.
    const keyEvents = await app.value<{ actor: string; type: string }[]>("keys.events", { id: billing.id });
    expect(keyEvents.map((event) => event.type).sort()).toEqual(["key.created", "key.generated", "key.revoked", "key.revoked"]);
    expect(keyEvents.filter((event) => event.actor === "keyward-desktop")).toHaveLength(2);
  });

  it("verifies both chains, and says where the app's log broke", async ({ app }) => {
    await seed(app, "Billing");
    const workspace = await app.value("audit.verifyWorkspaceChain");
    expect(workspace).toMatchObject({ workspaceName: "Test workspace", verification: { valid: true, chainIntact: true, signatureValid: true } });
    expect(workspace.verification.summary).toMatch(/^Valid\./);
    expect(app.events.some((event) => event.event === "audit.progress" && (event.payload as { phase: string }).phase === "downloading")).toBe(true);
    expect(fs.readdirSync(path.join(app.dataDir, "audit-downloads"))).toEqual([]);
    expect(await app.value("audit.verifyAppLog")).toMatchObject({ valid: true, problem: null });

    await app.core.activity.close();
    const file = path.join(app.dataDir, "audit-log.jsonl");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    lines[0] = lines[0]!.replace('"name":"Billing"', '"name":"Billing!"');
    fs.writeFileSync(file, lines.join("\n"));
    const broken = await app.value("audit.verifyAppLog");
    expect(broken).toMatchObject({ valid: false, problem: { kind: "altered", seq: 1 } });
    expect(broken.summary).toMatch(/Event 1/);
  });
});

describe("audit bundles offline", () => {
  it("saves the workspace's bundle, opens it with its inventory, findings and timeline; a tampered copy says which event", async ({ app }) => {
    const billing = await seed(app, "Billing", "full");
    await seed(app, "Search", "read");
    const saved = await app.value("audit.saveBundle");
    expect(saved.path).toMatch(/exports\/keyward-audit-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/);
    expect(saved.verification).toMatchObject({ valid: true });

    const view = await openBundle(app, saved.path);
    expect(app.chooser.asked.at(-1)).toBe("Open an audit bundle");
    expect(view.verification).toMatchObject({ valid: true, problems: [] });
    expect(view.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.content!.keys.map((key) => key.name).sort()).toEqual(["Billing", "Search"]);
    expect(view.content!.eventTypes).toContain("key.created");
    expect(await app.value("audit.bundle")).toEqual(view);
    const page = await app.value("audit.bundleEvents", { keyId: billing.id });
    expect(page.events.map((event: { type: string }) => event.type)).toEqual(["key.created"]);
    const paged = await app.value("audit.bundleEvents", { limit: 1 });
    expect(paged.events).toHaveLength(1);
    const older = await app.value("audit.bundleEvents", { limit: 10, before: paged.next });
    expect(older.events[0].seq).toBe(paged.events[0].seq - 1);
    await app.core.activity.settled();
    expect(localEvents(app).filter((event) => event.type === "audit.bundle_verified").map((event) => event.data.valid)).toEqual([true, true]);

    const bundle = JSON.parse(fs.readFileSync(saved.path, "utf8")) as AuditBundle;
    const third = bundle.events[2]!;
    third.data = { ...third.data, name: "Billing (renamed)" };
    const tampered = path.join(app.dataDir, "tampered.json");
    fs.writeFileSync(tampered, canonicalJson(bundle));
    const bad = await openBundle(app, tampered);
    expect(bad.verification.valid).toBe(false);
    expect(bad.verification.problems[0]).toMatchObject({ kind: "altered", seq: 3 });
    expect(bad.verification.summary).toMatch(/Event 3/);
    expect((await app.call("audit.startReview", { of: "bundle" })).ok).toBe(false);

    fs.writeFileSync(tampered, "not json");
    const junk = await openBundle(app, tampered);
    expect(junk).toMatchObject({ content: null, verification: { valid: false, problems: [{ kind: "malformed" }] } });
    expect(junk.verification.summary).toMatch(/^Not a valid audit bundle/);
    app.chooser.answer(null);
    expect(await app.value("audit.openBundle")).toBeNull();
  });
});

describe("quarterly reviews", () => {
  it("lists every active key with its findings; decisions resume after a restart; sign-off needs every key and freezes them; reports", async ({ app }) => {
    const billing = await seed(app, "Billing", "full");
    const search = await seed(app, "Search", "read");
    const old = await seed(app, "Old");
    await app.value("keys.revoke", { id: old.id, reason: "unused" });

    const review = await app.value<Review>("audit.startReview", { of: "workspace", title: "Q3 review" });
    expect(review.keys.map((key) => key.name).sort()).toEqual(["Billing", "Search"]);
    expect(review.source).toMatchObject({ kind: "workspace", workspaceName: "Test workspace" });
    expect(review.verification).toBeNull();
    await app.value("audit.decide", { reviewId: review.id, keyId: billing.id, decision: "revoke", note: "Not used by anything." });
    expect(await app.call("audit.decide", { reviewId: review.id, keyId: old.id, decision: "keep" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await app.call("audit.signOff", { reviewId: review.id, reviewer: "Ana" })).toMatchObject({ ok: false, error: { code: "conflict", message: "1 key has no decision yet. Decide every key before signing off." } });
    expect(await app.call("audit.review", { id: "../preferences" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    await app.restart();
    const [listed] = await app.value("audit.reviews");
    expect(listed).toMatchObject({ id: review.id, title: "Q3 review", keys: 2, decided: 1, signOff: null });
    const resumed = await app.value<Review>("audit.review", { id: review.id });
    expect(resumed.decisions[billing.id]).toMatchObject({ decision: "revoke", note: "Not used by anything.", carriedOut: null });

    // Carried out: the key revoked in the workspace after the decision.
    expect((await app.value("audit.refreshCarriedOut", { reviewId: review.id })).changed).toEqual([]);
    await app.value("keys.revoke", { id: billing.id, reason: "unused" });
    const carried = await app.value("audit.refreshCarriedOut", { reviewId: review.id });
    expect(carried.changed).toEqual([billing.id]);
    expect(carried.review.decisions[billing.id].carriedOut.result).toMatch(/^Revoked on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by .* \(unused\)\.$/);
    expect(await app.call("audit.decide", { reviewId: review.id, keyId: billing.id, decision: "keep" })).toMatchObject({ ok: false, error: { code: "conflict" } });

    await app.value("audit.decide", { reviewId: review.id, keyId: search.id, decision: "keep" });
    const signed = await app.value<Review>("audit.signOff", { reviewId: review.id, reviewer: "  Ana Security " });
    expect(signed.signOff).toMatchObject({ reviewer: "Ana Security" });
    expect(await app.call("audit.decide", { reviewId: review.id, keyId: search.id, decision: "rotate" })).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/^This review was signed off by Ana Security/) } });

    for (const format of ["pdf", "csv", "json"] as const) {
      const { path: file } = await app.value("audit.exportReport", { reviewId: review.id, format });
      expect(file).toMatch(new RegExp(`exports/keyward-review-.*\\.${format}$`));
    }
    const exports = path.join(app.dataDir, "exports");
    const csvFile = fs.readdirSync(exports).find((name) => name.endsWith(".csv"))!;
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(exports, csvFile), "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.name, row.decision])).toEqual([
      ["Billing", "revoke"],
      ["Search", "keep"],
    ]);
    expect(fs.readFileSync(path.join(exports, fs.readdirSync(exports).find((name) => name.endsWith(".pdf"))!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await app.core.activity.settled();
    const recorded = localEvents(app);
    expect(recorded.filter((event) => event.type === "audit.review_signed_off").map((event) => event.data)).toEqual([{ reviewId: review.id, reviewer: "Ana Security", keys: 2 }]);
    expect(recorded.filter((event) => event.type === "audit.report_exported").map((event) => event.data.format)).toEqual(["pdf", "csv", "json"]);
  });

  it("reviews an opened bundle: its active keys and findings as of its export; a rotation carries out a rotate decision", async ({ app }) => {
    const billing = await seed(app, "Billing", "full");
    await seed(app, "Search", "read");
    const saved = await app.value("audit.saveBundle");
    await openBundle(app, saved.path);
    const review = await app.value<Review>("audit.startReview", { of: "bundle" });
    expect(review.source).toMatchObject({ kind: "bundle", fileName: path.basename(saved.path) });
    expect(review.verification).toMatchObject({ valid: true });
    expect(review.keys).toHaveLength(2);

    await app.value("audit.decide", { reviewId: review.id, keyId: billing.id, decision: "rescope", note: "Read is enough." });
    await app.value("rotation.start", { keyId: billing.id, scope: "read" });
    const carried = await app.value("audit.refreshCarriedOut", { reviewId: review.id });
    expect(carried.changed).toEqual([billing.id]);
    expect(carried.review.decisions[billing.id].carriedOut.result).toMatch(/^Rotated into “Billing” \(key_.*\), scope full → read, on /);
  });

  it("shows the workspace's signing key fingerprint", async ({ app, workspace }) => {
    const info = (await workspace.call("GET", "/v1/workspace")).body;
    expect(await app.value("audit.signingKey")).toEqual({
      workspaceName: "Test workspace",
      workspaceId: info.workspaceId,
      algorithm: "ed25519",
      fingerprint: info.signingKey.fingerprint,
      publicKey: info.signingKey.publicKey,
    });
  });
});
