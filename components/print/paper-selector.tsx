import { useTranslations } from "next-intl";
import { paperSizes, type PaperSize } from "@/lib/schemas/print-view";

const labels: Record<PaperSize, string> = { a4: "A4", a5: "A5" };

/**
 * Chooses the paper size through the URL (?paper=a5), which sets the printed page's size. Plain
 * links (full page loads): the @page <style> must carry the document's CSP nonce, and a
 * client-side navigation's payload carries another, so the browser would drop the new rule.
 */
export function PaperSelector({ consultationId, paper }: { consultationId: number; paper: PaperSize }) {
  const t = useTranslations("print");
  return (
    <nav aria-label={t("paperSize")} className="flex items-center gap-2 text-sm">
      <span className="text-slate-700">{t("paper")}</span>
      <ul className="flex overflow-hidden rounded-md border border-slate-300" dir="ltr">
        {paperSizes.map((size) => (
          <li key={size}>
            <a
              href={size === "a4" ? `/consultations/${consultationId}/print` : `/consultations/${consultationId}/print?paper=${size}`}
              aria-current={size === paper ? "page" : undefined}
              className={`block px-3 py-1.5 font-medium ${size === paper ? "bg-slate-900 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
            >
              {labels[size]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
