/**
 * The fonts the PDF report draws its text with, and which characters they can draw. By default
 * DejaVu Sans (npm `dejavu-fonts-ttf`): Latin, Greek and Cyrillic in full, where PDF's built-in
 * Helvetica stops at Windows-1252. Missing characters (Chinese, Japanese and Korean among them)
 * are known from the font's own character map, read with fontkit, so the report prints "?" for
 * them rather than an empty box. Fonts are read once per process.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

export interface ReportFonts {
  /** TrueType fonts (file paths or bytes) for the report's text. */
  regular: string | Buffer;
  bold: string | Buffer;
}

export interface LoadedFonts {
  regular: Buffer;
  bold: Buffer;
  /** Whether both fonts draw this character. */
  draws(codePoint: number): boolean;
}

const DEJAVU = { regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf" };

let defaults: LoadedFonts | null | undefined;

/** DejaVu Sans from the installed package; null when it cannot be read (the report falls back to Helvetica). */
export function defaultReportFonts(): LoadedFonts | null {
  if (defaults !== undefined) return defaults;
  try {
    const require = createRequire(import.meta.url);
    defaults = loadReportFonts({ regular: require.resolve(DEJAVU.regular), bold: require.resolve(DEJAVU.bold) });
  } catch {
    defaults = null;
  }
  return defaults;
}

export function loadReportFonts(fonts: ReportFonts): LoadedFonts {
  const regular = typeof fonts.regular === "string" ? fs.readFileSync(fonts.regular) : fonts.regular;
  const bold = typeof fonts.bold === "string" ? fs.readFileSync(fonts.bold) : fonts.bold;
  const [regularMap, boldMap] = [regular, bold].map(characterMap) as [fontkit.Font, fontkit.Font];
  const draws = (codePoint: number) => regularMap.hasGlyphForCodePoint(codePoint) && boldMap.hasGlyphForCodePoint(codePoint);
  return { regular, bold, draws };
}

/** One font's character map; a collection of fonts (.ttc) is refused, since pdfkit would need to be told which font of it. */
function characterMap(bytes: Buffer): fontkit.Font {
  const font = fontkit.create(bytes);
  if (!("hasGlyphForCodePoint" in font)) throw new Error("The report's fonts must be single TrueType fonts, not a collection.");
  return font;
}
