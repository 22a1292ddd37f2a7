import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildReportModel, CSV_COLUMNS, renderCsv, renderJson, renderPdf, ReviewReportJson } from "../../../core/audit/reports";
import { NOW, sampleReview } from "./support/sample-review";

async function pdfText(bytes: Buffer): Promise<{ pages: string[]; title: string | undefined }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  await document.destroy();
  return { pages, title: info.Title };
}
const squash = (text: string) => text.replace(/\s+/g, "");

describe("the PDF report", () => {
  it("opens, and its text holds the title, the verification, the bundle hash, every key name, decisions and sign-off", async () => {
    const review = sampleReview();
    const bytes = await renderPdf(buildReportModel(review, { now: new Date(NOW) }));
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, title } = await pdfText(bytes);
    const all = squash(pages.join(" "));
    expect(title).toBe("Q2 2026 API key review");
    for (const name of ["billing sync", "nightly reports", "unused webhook relay", "=HYPERLINK(\"http://x\")"]) expect(all).toContain(squash(name));
    expect(all).toContain(squash("a very long integration name that keeps going: customer-data-warehouse-export-to-the-analytics-cluster-in-eu-west-1"));
    // Latin, Greek and Cyrillic are drawn as they are; only what the font has no glyph for becomes "?".
    expect(all).toContain(squash("Zürich café “ops” Łódź Платежи Ελλάδα ??"));
    expect(all).toContain("VERIFIED");
    expect(all).toContain(`BundlefileSHA-256:${"ab".repeat(32)}`);
    expect(all).toContain(squash("Leaked in source (critical)"));
    expect(all).toContain(squash("Never used: dismissed (Waiting for the partner's go-live in July)"));
    expect(all).toContain(squash("Signed off by Ana Security on 2026-06-15 12:00 UTC."));
    expect(all).toContain(squash("6 active keys; 3 decided (keep 1, rotate 0, rescope 1, revoke 1); 3 not reviewed."));
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("embeds its font (a subset), and falls back to Helvetica, with '?' beyond Windows-1252, when asked", async () => {
    const model = buildReportModel(sampleReview(), { now: new Date(NOW) });
    const embedded = await renderPdf(model);
    expect(embedded.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    // The subset keeps the file small: the whole font is about 750 kB.
    expect(embedded.length).toBeLessThan(200_000);
    const builtin = await renderPdf(model, { fonts: "builtin" });
    expect(builtin.toString("latin1")).not.toContain("DejaVu");
    const all = squash((await pdfText(builtin)).pages.join(" "));
    expect(all).toContain(squash("Zürich café “ops” ?ód? ??????? ?????? ??"));
    expect(all).toContain(squash("billing sync"));
  });

  it("breaks the keys table across pages, numbering every page", async () => {
    const bytes = await renderPdf(buildReportModel(sampleReview(80), { now: new Date(NOW) }));
    const { pages } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    const all = squash(pages.join(" "));
    for (let i = 0; i < 80; i++) expect(all).toContain(`integration${String(i).padStart(3, "0")}`);
    // The header row is repeated on each page the table continues on.
    expect(pages.slice(1).filter((page) => page.includes("Key") && page.includes("Decision")).length).toBeGreaterThanOrEqual(pages.length - 2);
  });
});

describe("the CSV report", () => {
  it("parses with papaparse: one row per key, the documented columns, and round-trips", () => {
    const model = buildReportModel(sampleReview(), { now: new Date(NOW) });
    const csv = renderCsv(model);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(6);
    const billing = parsed.data.find((row) => row.key_id === "key_billing")!;
    expect(billing).toMatchObject({ name: "billing sync", scope: "full", decision: "revoke", carried_out_result: "revoked", highest_severity: "critical", last_used_ip: "10.0.0.5", expires_at: "" });
    expect(billing.findings!.split(";")).toContain("leaked_in_source");
    expect(parsed.data.find((row) => row.key_id === "key_unused")).toMatchObject({ decision: "not reviewed", findings: "", dismissed_findings: "never_used" });
    expect(parsed.data.find((row) => row.key_id === "key_unicode")!.name).toBe("Zürich café “ops” Łódź Платежи Ελλάδα 東京");
    // A name a spreadsheet would run as a formula stays text.
    expect(parsed.data.find((row) => row.key_id === "key_formula")!.name).toBe("'=HYPERLINK(\"http://x\")");
    const again = Papa.unparse({ fields: parsed.meta.fields!, data: parsed.data.map((row) => parsed.meta.fields!.map((field) => row[field])) }, { newline: "\r\n" });
    expect(again).toBe(csv);
  });
});

describe("the JSON report", () => {
  it("validates against its schema, with the counts and every key's findings and decision", () => {
    const review = sampleReview();
    const report = ReviewReportJson.parse(JSON.parse(renderJson(buildReportModel(review, { now: new Date(NOW) }))));
    expect(report.summary).toMatchObject({ keys: 6, decided: 3, byDecision: { keep: 1, rotate: 0, rescope: 1, revoke: 1, "not reviewed": 3 }, byScope: { read: 3, write: 2, full: 1 }, dismissedFindings: 1 });
    expect(report.summary.byFinding.leaked_in_source).toBe(1);
    expect(report.keys.map((row) => row.key.id)).toHaveLength(6);
    expect(report.keys.find((row) => row.key.id === "key_unused")).toMatchObject({ decision: "not reviewed", decisionDetail: null });
    expect(report.review.source).toEqual(review.source);
    expect(report.verification).toEqual(review.verification);
  });
});
