import type { DrugDto } from "@/lib/schemas/consultation";
import { describeDrug } from "./drug-line";
import { LineParts } from "./line-parts";

/** The prescribed medicines, one table row per drug; a row never breaks across two pages. */
export function DrugTable({ drugs }: { drugs: DrugDto[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Prescribed medicines</caption>
      <thead>
        <tr className="border-b-2 border-slate-800 text-[0.8em] uppercase tracking-wide text-slate-700">
          <th scope="col" className="w-[1.8em] py-1 pr-2 font-semibold">
            #
          </th>
          <th scope="col" className="w-[38%] py-1 pr-3 font-semibold">
            Medicine
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
            How to take
          </th>
          <th scope="col" className="w-[17%] py-1 font-semibold">
            Package
          </th>
        </tr>
      </thead>
      <tbody>
        {drugs.map((drug, index) => {
          const lines = describeDrug(drug);
          return (
            <tr key={drug.position} className="break-inside-avoid border-b border-slate-300 align-top" data-testid="drug-row">
              <td className="py-2 pr-2 tabular-nums">{index + 1}</td>
              <td className="py-2 pr-3">
                <p>
                  <bdi dir="auto" className="font-semibold" data-testid="drug-title">
                    {lines.title ?? "—"}
                  </bdi>
                  {lines.generic ? (
                    <>
                      {" ("}
                      <bdi dir="auto">{lines.generic}</bdi>
                      {")"}
                    </>
                  ) : null}
                </p>
                {lines.strength.length > 0 ? (
                  <p className="text-slate-700">
                    <LineParts parts={lines.strength} />
                  </p>
                ) : null}
              </td>
              <td className="py-2 pr-3">
                {lines.dose.length > 0 ? (
                  <p data-testid="dose-line">
                    <LineParts parts={lines.dose} />
                  </p>
                ) : null}
                {lines.instructions.map((part) => (
                  <p key={part.label} className="text-slate-700">
                    {part.label}{" "}
                    <bdi dir="auto" className="whitespace-pre-line">
                      {part.value}
                    </bdi>
                  </p>
                ))}
              </td>
              <td className="py-2">
                <LineParts parts={lines.package} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
