// The printed page box per paper size: size, margins, and a page footer in the bottom margin.
import { digitChoices, uiLocales, type Digits, type UiLocale } from "../i18n/locales";
import { parseConsultationId } from "../schemas/ids";
import { parsePaperSize, type PaperSize } from "../schemas/print-view";

const pages: Record<PaperSize, { size: string; margin: string; footer: string }> = {
  a4: { size: "A4 portrait", margin: "14mm 15mm 16mm", footer: "8pt" },
  a5: { size: "A5 portrait", margin: "8mm 9mm 11mm", footer: "7pt" },
};

/**
 * The footer's words per language (CSS text, not JSX: the message catalogue cannot hold CSS
 * counters) and its corner: the end of the line, bottom left in Arabic. Arabic-Indic digits
 * number the pages when the reader chose them; the consultation id stays as Altibbi sent it.
 */
const footers: Record<UiLocale, { corner: string; consultation: string; page: string; of: string }> = {
  en: { corner: "bottom-right", consultation: "Consultation", page: "page", of: "of" },
  ar: { corner: "bottom-left", consultation: "الاستشارة", page: "صفحة", of: "من" },
};
const counterStyle: Record<Digits, string> = { latn: "", arab: ", arabic-indic" };

export type PageLanguage = { locale: UiLocale; digits: Digits };

/**
 * The @page rule of the print page. Rendered in a <style> element inside the page, so it leaves
 * the document with the page (a client-side navigation away unmounts it).
 */
export function pageRule(paper: PaperSize, consultationId: number, { locale, digits }: PageLanguage = { locale: "en", digits: "latn" }): string {
  const page = pages[paper];
  const id = Number.isSafeInteger(consultationId) ? consultationId : 0;
  const words = footers[locale];
  const style = counterStyle[digits];
  return (
    `@page { size: ${page.size}; margin: ${page.margin}; ` +
    `@${words.corner} { content: "${words.consultation} ${id} · ${words.page} " counter(page${style}) " ${words.of} " counter(pages${style}); ` +
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
export function printPageRuleFor(pathname: string, search: URLSearchParams, language?: PageLanguage): string | null {
  const match = printPath.exec(pathname);
  if (!match) return null;
  const id = parseConsultationId(match[1]!);
  if (id === null) return null;
  const paper = search.getAll("paper");
  return pageRule(parsePaperSize(paper.length > 1 ? paper : paper[0]), id, language);
}

/**
 * The rule in every language and digit system: proxy.ts cannot know the reader's choice (it is
 * on their account, in the database), so it allows each variant's hash; the page renders one.
 */
export function printPageRulesFor(pathname: string, search: URLSearchParams): string[] {
  return uiLocales.flatMap((locale) => digitChoices.map((digits) => printPageRuleFor(pathname, search, { locale, digits }))).filter((rule) => rule !== null);
}
