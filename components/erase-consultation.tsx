// The admin's erasure of one consultation (a member's right to erasure), behind a disclosure and
// a typed confirmation: what will be deleted is counted first, and nothing happens until the id is typed.
import { useTranslations } from "next-intl";
import type { FormResult } from "./action-form";
import { ActionForm } from "./action-form";

type Counts = { statusChanges: number; recommendations: number; recommendationItems: number; deliveries: number };

export function EraseConsultation({
  consultationId,
  counts,
  action,
}: {
  consultationId: number;
  counts: Counts;
  action: (previous: FormResult, form: FormData) => Promise<FormResult>;
}) {
  const t = useTranslations("erase");
  return (
    <section aria-labelledby="erase-heading" className="rounded-lg border border-red-200 bg-white p-4">
      <details>
        <summary className="cursor-pointer text-sm font-medium text-red-800">
          <h2 id="erase-heading" className="inline">
            {t("heading")}
          </h2>
        </summary>
        <div className="mt-3 space-y-3 text-sm text-slate-800">
          <p>{t("intro", { id: String(consultationId) })}</p>
          <ul className="list-disc ps-6" data-testid="erase-counts">
            <li>{t("statusChanges", { count: counts.statusChanges })}</li>
            <li>
              {t("recommendations", { count: counts.recommendations })} ({t("items", { count: counts.recommendationItems })})
            </li>
            <li>{t("deliveries", { count: counts.deliveries })}</li>
            <li>{t("tasks")}</li>
          </ul>
          <p>{t("again")}</p>
          <ActionForm action={action} label={t("form")} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="consultationId" value={consultationId} />
            <label className="text-sm">
              {t.rich("confirm", { id: () => <bdi className="font-mono font-semibold">{String(consultationId)}</bdi> })}
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
              {t("submit")}
            </button>
          </ActionForm>
        </div>
      </details>
    </section>
  );
}
