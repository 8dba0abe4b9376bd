// Reads PDFs that Chromium produced with Debian's poppler-utils (pdftotext, pdfinfo),
// the same tools .ci/run installs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function withPdfFile<T>(pdf: Buffer, work: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, pdf);
    return work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });

export type PdfTextOptions = {
  /**
   * "raw": content-stream order, which is the order Chromium painted the text in (each table
   * cell whole, row after row) but Arabic in visual order; "reading": poppler's reading order,
   * which puts right-to-left text back in logical order but interleaves table columns.
   */
  order?: "raw" | "reading";
  /** One page (1-based) instead of the whole document. */
  page?: number;
};

export function pdfText(pdf: Buffer, options: PdfTextOptions = {}): string {
  const args = [...(options.order === "raw" ? ["-raw"] : []), ...(options.page ? ["-f", String(options.page), "-l", String(options.page)] : [])];
  return withPdfFile(pdf, (file) => run("pdftotext", ["-enc", "UTF-8", ...args, file, "-"]));
}

/** The page count and the first page's size in points (1/72 in), from pdfinfo. */
export function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const info = withPdfFile(pdf, (file) => run("pdfinfo", [file]));
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  if (!pages || !size) throw new Error(`pdfinfo gave no page count or size:\n${info}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Paper sizes in points. */
export const paper = { a4: { width: 595.28, height: 841.89 }, a5: { width: 419.53, height: 595.28 } } as const;

// Embedding and isolation marks that pdftotext writes around right-to-left runs.
const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text with bidi controls removed and every run of white space (no-break spaces too) as one space. */
export const normalizeText = (text: string) => text.replace(bidiControls, "").replace(/\s+/g, " ").trim();

// Arabic vowel and tanween marks: pdftotext returns a mark before or after the letter it sits on
// depending on Chromium's glyph clusters (the "ياً" of يومياً comes back as "يًا").
const arabicMarks = /[\u064b-\u065f\u0670]/g;

/**
 * Text with no white space and no Arabic vowel marks. pdftotext splits Arabic words where
 * Chromium's glyph runs meet (e.g. "يؤ خ ذ" for "يؤخذ"), so Arabic is compared as a sequence
 * of letters.
 */
export const compactText = (text: string) => text.replace(bidiControls, "").replace(arabicMarks, "").replace(/\s+/g, "");

/**
 * The runs of Arabic words in a text, each compacted. pdftotext keeps each run in logical order
 * but may order runs and the numbers or Latin text between them differently from the source.
 */
export const arabicRuns = (text: string) =>
  text
    .split(/[^\u0600-\u06ff\s]+/)
    .map(compactText)
    .filter((run) => run !== "");
