// The printed page box per paper size: size, margins, and a page footer in the bottom margin.
import { parseConsultationId } from "../schemas/ids";
import { parsePaperSize, type PaperSize } from "../schemas/print-view";

const pages: Record<PaperSize, { size: string; margin: string; footer: string }> = {
  a4: { size: "A4 portrait", margin: "14mm 15mm 16mm", footer: "8pt" },
  a5: { size: "A5 portrait", margin: "8mm 9mm 11mm", footer: "7pt" },
};

/**
 * The @page rule of the print page. Rendered in a <style> element inside the page, so it leaves
 * the document with the page (a client-side navigation away unmounts it).
 */
export function pageRule(paper: PaperSize, consultationId: number): string {
  const page = pages[paper];
  const id = Number.isSafeInteger(consultationId) ? consultationId : 0;
  return (
    `@page { size: ${page.size}; margin: ${page.margin}; ` +
    `@bottom-right { content: "Consultation ${id} · page " counter(page) " of " counter(pages); ` +
    `font: ${page.footer} ui-sans-serif, sans-serif; color: #475569; } }`
  );
}

/** The print page's path: /consultations/{id}/print. */
const printPath = /^\/consultations\/([^/]+)\/print$/;

/**
 * The @page rule the print page at `pathname` + `search` renders, or null for any other page.
 * proxy.ts allows exactly this text by its hash in the page's CSP, beside the nonce: a refresh
 * of the page (the time-zone sync) can re-create the <style> element from a payload rendered
 * with another request's nonce, and the browser would drop the rule (an A5 prescription printed
 * on A4) if the nonce were its only pass.
 */
export function printPageRuleFor(pathname: string, search: URLSearchParams): string | null {
  const match = printPath.exec(pathname);
  if (!match) return null;
  const id = parseConsultationId(match[1]!);
  if (id === null) return null;
  const paper = search.getAll("paper");
  return pageRule(parsePaperSize(paper.length > 1 ? paper : paper[0]), id);
}
