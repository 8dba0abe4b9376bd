import { useTranslations } from "next-intl";
import { setLanguageAction } from "@/app/account/language-actions";
import type { UiLocale } from "@/lib/i18n/locales";

/**
 * One click to the other language, signed in or not: a plain form (works without JavaScript).
 * Each language is named in itself, so whoever cannot read the current one still finds theirs.
 */
const other = {
  en: { locale: "ar", dir: "rtl" },
  ar: { locale: "en", dir: "ltr" },
} as const;

export function LanguageSwitch({ current }: { current: UiLocale }) {
  const target = other[current];
  const t = useTranslations("language");
  return (
    <form action={setLanguageAction}>
      <input type="hidden" name="locale" value={target.locale} />
      <button
        type="submit"
        lang={target.locale}
        dir={target.dir}
        className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-100"
        data-testid="language-switch"
      >
        {t(target.locale)}
      </button>
    </form>
  );
}
