"use client";
import { useTranslations } from "next-intl";

/** Opens the browser's print dialog (where the coordinator can also save a PDF). */
export function PrintButton() {
  const t = useTranslations("printButton");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
    >
      {t("label")}
    </button>
  );
}
