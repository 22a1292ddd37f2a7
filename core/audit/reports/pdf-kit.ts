/**
 * The small pieces of PDF layout the review report needs on top of pdfkit: fonts (report-fonts.ts,
 * or the built-in Helvetica when none can be read), text the font can draw, and a table whose rows
 * wrap their cells, break across pages and repeat the header row.
 */
import type PDFDocument from "pdfkit";
import type { LoadedFonts } from "./report-fonts";

export type Doc = InstanceType<typeof PDFDocument>;

// The characters Windows-1252 adds in 0x80–0x9F, which the standard PDF fonts can draw.
const WIN_ANSI_EXTRA = new Set([..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"].map((c) => c.codePointAt(0)!));
const drawnByHelvetica = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);

/**
 * Registers the report's fonts ("body", "bold", "mono") and answers the function every text goes
 * through: control characters become spaces, and each character the font cannot draw becomes "?"
 * (the CSV and JSON reports keep names exactly).
 */
export function setupFonts(doc: Doc, fonts: LoadedFonts | null): (text: string) => string {
  if (fonts) {
    doc.registerFont("body", fonts.regular);
    doc.registerFont("bold", fonts.bold);
  } else {
    doc.registerFont("body", "Helvetica");
    doc.registerFont("bold", "Helvetica-Bold");
  }
  doc.registerFont("mono", "Courier");
  const draws = fonts ? fonts.draws : drawnByHelvetica;
  const controls = /[\u0000-\u001f\u007f-\u009f]/g;
  return (text) => Array.from(text.replace(controls, " "), (c) => (draws(c.codePointAt(0)!) ? c : "?")).join("");
}

export interface Column<Row> {
  title: string;
  width: number;
  /** Lines of the cell; the first may be bold. */
  cell(row: Row): { text: string; bold?: boolean; size?: number; color?: string }[];
}

const PAD = 4;

export interface TableOptions {
  /** Lowest y a row may reach before the table continues on the next page. */
  bottom: number;
  fontSize: number;
  /** Where the table starts (default: the left margin). */
  left?: number;
}

export function drawTable<Row>(doc: Doc, columns: Column<Row>[], rows: Row[], options: TableOptions): void {
  const left = options.left ?? doc.page.margins.left;
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const header = () => {
    const top = doc.y;
    doc.save().rect(left, top, width, options.fontSize + 2 * PAD + 2).fill("#1f2937").restore();
    let x = left;
    for (const column of columns) {
      doc.font("bold").fontSize(options.fontSize).fillColor("#ffffff").text(column.title, x + PAD, top + PAD + 1, { width: column.width - 2 * PAD, lineBreak: false });
      x += column.width;
    }
    doc.fillColor("#111827");
    doc.y = top + options.fontSize + 2 * PAD + 2;
  };
  const measure = (row: Row) =>
    Math.max(
      ...columns.map((column) =>
        column.cell(row).reduce((sum, line) => sum + doc.font(line.bold ? "bold" : "body").fontSize(line.size ?? options.fontSize).heightOfString(line.text || " ", { width: column.width - 2 * PAD }), 0),
      ),
    ) +
    2 * PAD;
  header();
  rows.forEach((row, index) => {
    const height = measure(row);
    if (doc.y + height > options.bottom) {
      doc.addPage();
      header();
    }
    const top = doc.y;
    if (index % 2 === 1) doc.save().rect(left, top, width, height).fill("#f3f4f6").restore();
    let x = left;
    for (const column of columns) {
      let y = top + PAD;
      for (const line of column.cell(row)) {
        doc.font(line.bold ? "bold" : "body").fontSize(line.size ?? options.fontSize).fillColor(line.color ?? "#111827");
        doc.text(line.text || " ", x + PAD, y, { width: column.width - 2 * PAD });
        y = doc.y;
      }
      x += column.width;
    }
    doc.save().moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(0.5).strokeColor("#d1d5db").stroke().restore();
    doc.x = left;
    doc.y = top + height;
  });
  doc.fillColor("#111827");
}
