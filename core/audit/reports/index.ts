/** Reports of a quarterly review: the model, and its PDF, CSV and JSON renderings. */
import type { Review } from "../../../shared/domain/review";
import { renderCsv } from "./csv-report";
import { renderJson } from "./json-report";
import { renderPdf, type PdfOptions } from "./pdf-report";
import { buildReportModel } from "./report-model";

export { buildReportModel, NOT_REVIEWED, type ReportModel } from "./report-model";
export { CSV_COLUMNS, renderCsv } from "./csv-report";
export { ReviewReportJson, renderJson } from "./json-report";
export { renderPdf, type PdfOptions } from "./pdf-report";

export type ReportFormat = "pdf" | "csv" | "json";

/** The report of `review` in `format`, as the bytes of a file. */
export async function renderReport(review: Review, format: ReportFormat, options: PdfOptions & { now?: Date } = {}): Promise<Buffer> {
  const model = buildReportModel(review, { now: options.now });
  if (format === "pdf") return renderPdf(model, options);
  return Buffer.from(format === "csv" ? renderCsv(model) : renderJson(model), "utf8");
}
