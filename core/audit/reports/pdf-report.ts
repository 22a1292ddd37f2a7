/**
 * The review as a PDF an auditor can file: title and source, the evidence's verification (with
 * the signing key's fingerprint, the chain head and the bundle's SHA-256), the summary and counts
 * by scope and finding, every key with its findings, decision and note, the sign-off, and page
 * numbers. Names are the key's labels; no secret is ever in a review.
 */
import PDFDocument from "pdfkit";
import { FINDING_KINDS } from "../../../shared/domain/findings";
import { countOf } from "../../../shared/text/count";
import { drawTable, setupFonts, type Column, type Doc } from "./pdf-kit";
import { defaultReportFonts, loadReportFonts, type ReportFonts } from "./report-fonts";
import { DECISION_LABELS, FINDING_TITLES, type ReportModel, type ReportRow } from "./report-model";

export interface PdfOptions {
  /** The text's fonts: DejaVu Sans unless given; "builtin" draws with Helvetica (Windows-1252 only). */
  fonts?: ReportFonts | "builtin";
}

const MARGIN = 48;
const FOOTER = 28;
const INK = "#111827";
const MUTED = "#6b7280";

const date = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function renderPdf(model: ReportModel, options: PdfOptions = {}): Promise<Buffer> {
  const { review } = model;
  const doc: Doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: review.title, Subject: `Quarterly API key review of ${review.source.workspaceName}`, Creator: "Keyward", CreationDate: new Date(model.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const t = setupFonts(doc, options.fonts === "builtin" ? null : options.fonts ? loadReportFonts(options.fonts) : defaultReportFonts());
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.8).font("bold").fontSize(13).fillColor(INK).text(t(text), MARGIN, doc.y, { width }).moveDown(0.3);
  };
  const para = (text: string, font = "body", size = 10, color = INK) => doc.font(font).fontSize(size).fillColor(color).text(t(text), MARGIN, doc.y, { width });

  doc.font("bold").fontSize(20).fillColor(INK).text(t(review.title), { width });
  const source = review.source;
  para(`Workspace: ${source.workspaceName} (${source.workspaceId})`, "body", 10, MUTED);
  para(source.kind === "bundle" ? `Source: audit bundle ${source.fileName}, exported ${date(source.generatedAt)}` : `Source: connected workspace ${source.url}`, "body", 10, MUTED);
  para(`Review started ${date(review.startedAt)}; report generated ${date(model.generatedAt)}`, "body", 10, MUTED);

  heading("Evidence");
  const verification = review.verification;
  if (!verification) para("Not verified: the review was made from a connected workspace's live answers, not from a signed audit bundle.");
  else {
    const badge = verification.valid ? "VERIFIED" : "NOT VERIFIED";
    const top = doc.y;
    doc.save().roundedRect(MARGIN, top, 92, 18, 3).fill(verification.valid ? "#047857" : "#b91c1c").restore();
    doc.font("bold").fontSize(10).fillColor("#ffffff").text(badge, MARGIN, top + 5, { width: 92, align: "center" });
    doc.y = top + 24;
    para(verification.summary);
    doc.moveDown(0.4);
    if (verification.signingKeyFingerprint) para(`Signing key fingerprint (SHA-256): ${verification.signingKeyFingerprint}`, "mono", 8);
    if (verification.chainHead) para(`Chain head: event ${verification.chainHead.seq}, hash ${verification.chainHead.hash}`, "mono", 8);
  }
  if (source.kind === "bundle") para(`Bundle file SHA-256: ${source.bundleSha256}`, "mono", 8);

  heading("Summary");
  const { counts } = model;
  const decisions = DECISION_LABELS.filter((label) => label !== "not reviewed").map((label) => `${label} ${counts.byDecision[label]}`).join(", ");
  const open = Object.values(counts.bySeverity).reduce((sum, n) => sum + n, 0);
  para(`${countOf(counts.keys, "active key")}; ${counts.decided} decided (${decisions}); ${counts.byDecision["not reviewed"]} not reviewed.`);
  para(`${countOf(open, "open finding")} (critical ${counts.bySeverity.critical}, high ${counts.bySeverity.high}, medium ${counts.bySeverity.medium}, low ${counts.bySeverity.low}); ${counts.dismissedFindings} dismissed with a note.`);
  doc.moveDown(0.5);
  // The two count tables side by side.
  const countColumns = (title: string, unit: string): Column<[string, number]>[] => [
    { title, width: 150, cell: ([name]) => [{ text: t(name) }] },
    { title: unit, width: 60, cell: ([, n]) => [{ text: String(n) }] },
  ];
  const tablesTop = doc.y;
  drawTable(doc, countColumns("Scope", "Keys"), Object.entries(counts.byScope), { bottom: bottom(), fontSize: 8.5 });
  const scopeEnd = doc.y;
  doc.y = tablesTop;
  const findingRows = FINDING_KINDS.map((kind) => [FINDING_TITLES[kind], counts.byFinding[kind]] as [string, number]);
  drawTable(doc, countColumns("Finding", "Open"), findingRows, { bottom: bottom(), fontSize: 8.5, left: MARGIN + 250 });
  doc.x = MARGIN;
  doc.y = Math.max(scopeEnd, doc.y);

  heading("Keys");
  drawTable(doc, keyColumns(t, width), model.rows, { bottom: bottom(), fontSize: 8 });

  heading("Sign-off");
  if (review.signOff) para(`Signed off by ${review.signOff.reviewer} on ${date(review.signOff.at)}.`);
  else {
    para("Not signed off in Keyward.");
    doc.moveDown(1.5);
    para("Reviewer: ______________________________    Date: ______________    Signature: ______________________");
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 10;
    doc.font("body").fontSize(8).fillColor(MUTED);
    doc.text(t(`Keyward review report: ${review.title}`), MARGIN, y, { width: width - 80, lineBreak: false, height: 10, ellipsis: true });
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN + width - 80, y, { width: 80, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}

function keyColumns(t: (text: string) => string, width: number): Column<ReportRow>[] {
  const fixed = 48 + 58 + 64;
  const flexible = width - fixed;
  return [
    {
      title: "Key",
      width: Math.round(flexible * 0.34),
      cell: ({ key }) => [
        { text: t(key.name), bold: true },
        { text: t(key.display), size: 7, color: MUTED },
        { text: key.id, size: 6.5, color: MUTED },
      ],
    },
    { title: "Scope", width: 48, cell: ({ key }) => [{ text: key.scope }, { text: key.environment, size: 7, color: MUTED }] },
    { title: "Last used", width: 58, cell: ({ key }) => [{ text: key.lastUsedAt ? key.lastUsedAt.slice(0, 10) : "never" }, ...(key.lastUsedIp ? [{ text: t(key.lastUsedIp), size: 7, color: MUTED }] : [])] },
    {
      title: "Findings",
      width: Math.round(flexible * 0.33),
      cell: ({ findings }) =>
        findings.length === 0
          ? [{ text: "none", color: MUTED }]
          : findings.map((finding) => ({
              text: t(finding.dismissal ? `${FINDING_TITLES[finding.kind]}: dismissed (${finding.dismissal.note})` : `${FINDING_TITLES[finding.kind]} (${finding.severity})`),
              color: finding.dismissal ? MUTED : finding.severity === "critical" || finding.severity === "high" ? "#b91c1c" : INK,
            })),
    },
    { title: "Decision", width: 64, cell: ({ decisionLabel, decision }) => [{ text: decisionLabel, bold: decision !== null }, ...(decision?.carriedOut ? [{ text: t(`done: ${decision.carriedOut.result}`), size: 7, color: MUTED }] : [])] },
    { title: "Note", width: flexible - Math.round(flexible * 0.34) - Math.round(flexible * 0.33), cell: ({ decision }) => [{ text: t(decision?.note ?? "") }] },
  ];
}
