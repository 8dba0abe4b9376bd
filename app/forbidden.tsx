import Link from "next/link";
import { useTranslations } from "next-intl";

// Rendered (with status 403) when a signed-in role lacks a page's permission: see lib/auth/caller.ts.
export default function Forbidden() {
  const t = useTranslations("forbidden");
  return (
    <section className="mx-auto max-w-xl space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-950" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading" className="text-xl font-semibold">
        {t("title")}
      </h1>
      <p>{t("text")}</p>
      <Link href="/" prefetch={false} className="text-sky-800 underline">
        {t("home")}
      </Link>
    </section>
  );
}
