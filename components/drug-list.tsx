import { useTranslations } from "next-intl";
import { presentDrug } from "@/lib/present/drug";
import type { DrugDto } from "@/lib/schemas/consultation";
import { LineParts } from "./line-parts";
import { LongText } from "./long-text";

/**
 * The prescription on screen, one drug per row, as lib/present/drug words it: trade name (generic
 * name); strength and form; the dose line; the package; then the labelled details (special
 * instructions, how to use, registration number). Missing values are left out.
 */
export function DrugList({ drugs }: { drugs: DrugDto[] }) {
  const t = useTranslations("recommendation");
  const words = useTranslations("drug");
  if (drugs.length === 0) return <p className="text-sm text-slate-600">{t("nonePrescribed")}</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="drugs">
      {drugs.map((drug) => {
        const shown = presentDrug(drug);
        return (
          <li key={drug.position} className="space-y-1 p-3" data-testid="drug">
            <p className="font-medium">
              <bdi dir="auto" data-testid="drug-title">
                {shown.named ? shown.title : words("unnamed")}
              </bdi>
              {shown.generic !== null ? (
                <span className="font-normal text-slate-700">
                  {" ("}
                  <bdi dir="auto">{shown.generic}</bdi>
                  {")"}
                </span>
              ) : null}
            </p>
            {(
              [
                ["strength-line", shown.strength, "text-sm text-slate-700"],
                ["dose-line", shown.dose, "text-sm"],
                ["package-line", shown.package, "text-sm text-slate-700"],
              ] as const
            ).map(([testId, line, className]) =>
              line.length > 0 ? (
                <p key={testId} className={className} data-testid={testId}>
                  <LineParts parts={line} />
                </p>
              ) : null,
            )}
            {shown.details.length > 0 ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
                {shown.details.map(({ label, value, field }) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-600">{field ? words(`fields.${field}`) : label}</dt>
                    <dd className="min-w-0">
                      <LongText text={value} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
