import { useTranslations } from "next-intl";
import { LineParts } from "@/components/line-parts";
import { presentDrug } from "@/lib/present/drug";
import type { DrugDto } from "@/lib/schemas/consultation";

/**
 * The prescribed medicines on paper, one table row per drug (a row never breaks across two
 * pages), as lib/present/drug words them: the same parts as on screen, laid out in columns.
 */
export function DrugTable({ drugs }: { drugs: DrugDto[] }) {
  const t = useTranslations("drug");
  return (
    <table className="w-full border-collapse text-start">
      <caption className="sr-only">{t("caption")}</caption>
      <thead>
        <tr className="border-b-2 border-slate-800 text-[0.8em] uppercase tracking-wide text-slate-700">
          <th scope="col" className="w-[1.8em] py-1 pe-2 text-start font-semibold">
            {t("number")}
          </th>
          <th scope="col" className="w-[38%] py-1 pe-3 text-start font-semibold">
            {t("medicine")}
          </th>
          <th scope="col" className="py-1 pe-3 text-start font-semibold">
            {t("howToTake")}
          </th>
          <th scope="col" className="w-[17%] py-1 text-start font-semibold">
            {t("package")}
          </th>
        </tr>
      </thead>
      <tbody>
        {drugs.map((drug, index) => {
          const shown = presentDrug(drug);
          // A row is kept on one page unless its text is longer than a page could hold: then it
          // breaks across pages rather than being cut off.
          const fitsOnePage = shown.details.reduce((total, detail) => total + detail.value.length, 0) < 1500;
          return (
            <tr key={drug.position} className={`${fitsOnePage ? "break-inside-avoid " : ""}border-b border-slate-300 align-top`} data-testid="drug-row">
              <td className="py-2 pe-2 tabular-nums">{index + 1}</td>
              <td className="py-2 pe-3">
                <p>
                  <bdi dir="auto" className="font-semibold" data-testid="drug-title">
                    {shown.named ? shown.title : t("unnamed")}
                  </bdi>
                  {shown.generic !== null ? (
                    <>
                      {" ("}
                      <bdi dir="auto">{shown.generic}</bdi>
                      {")"}
                    </>
                  ) : null}
                </p>
                {shown.strength.length > 0 ? (
                  <p className="text-slate-700" data-testid="strength-line">
                    <LineParts parts={shown.strength} />
                  </p>
                ) : null}
              </td>
              <td className="py-2 pe-3">
                {shown.dose.length > 0 ? (
                  <p data-testid="dose-line">
                    <LineParts parts={shown.dose} />
                  </p>
                ) : null}
                {shown.details.map(({ label, value, field }) => (
                  <p key={label} className="text-slate-700">
                    {field ? t(`fields.${field}`) : label}:{" "}
                    <bdi dir="auto" className="whitespace-pre-line [overflow-wrap:anywhere]">
                      {value}
                    </bdi>
                  </p>
                ))}
              </td>
              <td className="py-2" data-testid="package-line">
                <LineParts parts={shown.package} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
