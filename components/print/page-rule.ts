// The printed page box per paper size: size, margins, and a page footer in the bottom margin.
import type { PaperSize } from "@/lib/schemas/print-view";

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
