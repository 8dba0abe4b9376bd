import type { DrugDto } from "@/lib/schemas/consultation";
import { drugName } from "@/lib/recommendation-diff";

const present = (value: string | null): value is string => value !== null && value.trim() !== "";

function Value({ children }: { children: string }) {
  return <span dir="auto">{children}</span>;
}

/** "for 5 days" when Altibbi sent a number of days, the text as sent otherwise. */
function forDuration(duration: string): string {
  if (/^\d+$/.test(duration.trim())) return `for ${duration.trim()} ${duration.trim() === "1" ? "day" : "days"}`;
  return `for ${duration}`;
}

/**
 * The prescription, one drug per row, the way a pharmacist reads it: trade name (generic name),
 * strength and form; the dose line (dose and unit, route, frequency, for N days); then food,
 * special instructions, how to use, and the package. Missing values are left out.
 */
export function DrugList({ drugs }: { drugs: DrugDto[] }) {
  if (drugs.length === 0) return <p className="text-sm text-slate-600">None prescribed.</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="drugs">
      {drugs.map((drug) => {
        const dose = [drug.dosage, drug.dosageUnit].filter(present).join(" ");
        const sig = [dose, drug.routeOfAdministration, drug.frequency, present(drug.duration) ? forDuration(drug.duration) : null].filter(
          (part): part is string => part !== null && present(part),
        );
        const details: [string, string | null][] = [
          ["Strength", drug.strengthValue],
          ["Form", drug.dosageForm],
          ["Relation with food", drug.relationWithFood],
          ["Special instructions", drug.specialInstructions],
          ["How to use", drug.howToUse],
          ["Package", [drug.packageType, present(drug.packageSize) ? `${drug.packageSize} per pack` : null].filter((part) => part !== null && present(part)).join(", ") || null],
        ];
        return (
          <li key={drug.position} className="space-y-1 p-3" data-testid="drug">
            <p className="font-medium">
              {present(drug.tradeName) ? <Value>{drug.tradeName}</Value> : <Value>{drugName(drug)}</Value>}
              {present(drug.tradeName) && present(drug.name) ? (
                <span className="font-normal text-slate-700">
                  {" "}
                  (<Value>{drug.name}</Value>)
                </span>
              ) : null}
            </p>
            {sig.length > 0 ? (
              <p className="text-sm">
                {sig.map((part, index) => (
                  <span key={index}>
                    {index > 0 ? (
                      <>
                        {" "}
                        <span aria-hidden="true" className="text-slate-400">
                          ·
                        </span>{" "}
                      </>
                    ) : null}
                    <Value>{part}</Value>
                  </span>
                ))}
              </p>
            ) : null}
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
              {details
                .filter((entry): entry is [string, string] => entry[1] !== null && present(entry[1]))
                .map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-600">{label}</dt>
                    <dd>
                      <Value>{value}</Value>
                    </dd>
                  </div>
                ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
