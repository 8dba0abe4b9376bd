// The admin's erasure of one consultation (a member's right to erasure), behind a disclosure and
// a typed confirmation: what will be deleted is counted first, and nothing happens until the id is typed.
import type { FormResult } from "./action-form";
import { ActionForm } from "./action-form";

type Counts = { statusChanges: number; recommendations: number; recommendationItems: number; deliveries: number };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function EraseConsultation({
  consultationId,
  counts,
  action,
}: {
  consultationId: number;
  counts: Counts;
  action: (previous: FormResult, form: FormData) => Promise<FormResult>;
}) {
  return (
    <section aria-labelledby="erase-heading" className="rounded-lg border border-red-200 bg-white p-4">
      <details>
        <summary className="cursor-pointer text-sm font-medium text-red-800">
          <h2 id="erase-heading" className="inline">
            Erase this consultation…
          </h2>
        </summary>
        <div className="mt-3 space-y-3 text-sm text-slate-800">
          <p>
            For a member&apos;s request to be forgotten. This deletes consultation {consultationId} and everything stored about it, for good:
          </p>
          <ul className="list-disc pl-6" data-testid="erase-counts">
            <li>{plural(counts.statusChanges, "status change", "status changes")}</li>
            <li>
              {plural(counts.recommendations, "recommendation version", "recommendation versions")} ({plural(counts.recommendationItems, "drug, code, lab, follow-up or note", "drugs, codes, labs, follow-ups and notes")})
            </li>
            <li>{plural(counts.deliveries, "webhook delivery", "webhook deliveries")}, raw bodies included</li>
            <li>its worklist tasks, with their notes</li>
          </ul>
          <p>If Altibbi sends another event for it later, the consultation appears again with only that event.</p>
          <ActionForm action={action} label="Erase this consultation" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="consultationId" value={consultationId} />
            <label className="text-sm">
              Type <span className="font-mono font-semibold">{consultationId}</span> to confirm
              <input
                name="confirmation"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                required
                className="block rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900"
              />
            </label>
            <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
              Erase permanently
            </button>
          </ActionForm>
        </div>
      </details>
    </section>
  );
}
