// The Arabic UI in a real browser: the locale cookie (never the shared e2e users' saved
// preference, which other specs running beside these would see), and a check that no English
// label of messages/en.json is left on the page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { flatten, type Catalogue } from "../../lib/i18n/catalogue-check";
import { e2eBaseUrl } from "./test-server";

export const useArabic = (context: BrowserContext) => context.addCookies([{ name: "locale", value: "ar", url: e2eBaseUrl }]);

const catalogue = (name: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${name}.json`), "utf8")) as Catalogue;
const en = catalogue("en");
const arabicByKey = flatten(catalogue("ar"));
const englishOnly = [...flatten(en)].filter(([key, message]) => message !== arabicByKey.get(key) && /\p{Lu}?\p{Ll}{2}/u.test(message));
/** Whole English messages without placeholders: a text node or a label equal to one is untranslated. */
const plainMessages = new Set(englishOnly.filter(([, message]) => !/[{<]/.test(message)).map(([, message]) => message));
/** The longer fixed parts of English messages with placeholders (plurals aside): none may appear. A part the Arabic message keeps too (a code) is not English. */
const fragments = englishOnly
  .filter(([, message]) => /[{<]/.test(message) && !/plural,/.test(message))
  .flatMap(([key, message]) =>
    message
      .split(/\{[^{}]*\}|<\/?\w+>/)
      .map((part) => part.trim())
      .filter((part) => !(arabicByKey.get(key) ?? "").includes(part)),
  )
  .filter((part) => part.length >= 15);

/** The page's text nodes and the labels people read (aria-label, title, alt, placeholder). */
async function pageTexts(page: Page, ignore: string | null): Promise<{ nodes: string[]; body: string }> {
  return page.evaluate((ignore) => {
    const ignored = (element: Element) => ignore !== null && element.closest(ignore) !== null;
    const nodes: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template") || ignored(parent)) continue;
      const text = (node.nodeValue ?? "").replace(/\s+/g, " ").trim();
      if (text) nodes.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      if (ignored(element)) continue;
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        const value = element.getAttribute(name);
        if (value) nodes.push(value.trim());
      }
    }
    let body = document.body.innerText;
    if (ignore !== null) {
      const copy = document.body.cloneNode(true) as HTMLElement;
      for (const element of copy.querySelectorAll(`${ignore}, script, style, template`)) element.remove();
      body = copy.textContent ?? "";
    }
    return { nodes, body: body.replace(/\s+/g, " ") };
  }, ignore);
}

/**
 * The page is Arabic, right to left, and shows no English message of the catalogue. `ignore`: a
 * selector of a part still listed as not yet translated (eslint.config.mjs), left out of the check.
 */
export async function expectArabicPage(page: Page, label: string, ignore: string | null = null) {
  await expect(page.locator("html"), label).toHaveAttribute("lang", "ar");
  await expect(page.locator("html"), label).toHaveAttribute("dir", "rtl");
  const { nodes, body } = await pageTexts(page, ignore);
  expect(nodes.filter((text) => plainMessages.has(text)), `${label}: untranslated labels`).toEqual([]);
  expect(fragments.filter((fragment) => body.includes(fragment)), `${label}: untranslated sentences`).toEqual([]);
}

/** A full-page screenshot attached to the report (and kept under test-results/ to look at). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
