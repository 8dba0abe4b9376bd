import { useTranslations } from "next-intl";
import type { ConsultationListQuery } from "@/lib/schemas/consultation-query";
import { statusFilters } from "@/lib/statuses";
import { FilterForm, SelectFilter, filterInput } from "./filter-form";

const dateOnly = (text: string | undefined) => (text ? text.slice(0, 10) : "");

/** The consultation list's filters, search and sort (see FilterForm). */
export function ConsultationFilters({ query, timeZone }: { query: ConsultationListQuery; timeZone: string }) {
  const t = useTranslations("consultations.filters");
  const statuses = useTranslations("status.labels");
  return (
    <FilterForm
      action="/consultations"
      label={t("form")}
      lead={
        <label className="flex min-w-0 grow basis-64 flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">{t("search")}</span>
          <input
            type="search"
            name="q"
            defaultValue={query.search ?? ""}
            maxLength={100}
            placeholder={t("searchPlaceholder")}
            className={`${filterInput} w-full`}
            dir="auto"
          />
        </label>
      }
    >
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <legend className="mb-1 font-medium text-slate-700">{t("status")}</legend>
        {statusFilters.map((status) => (
          <label key={status} className="inline-flex items-center gap-1.5">
            <input type="checkbox" name="status" value={status} defaultChecked={query.statuses.includes(status)} className="size-4 accent-slate-900" />
            {statuses(status)}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{t("from")}</span>
        <input type="date" name="from" defaultValue={dateOnly(query.fromText)} className={filterInput} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{t("to")}</span>
        <input type="date" name="to" defaultValue={dateOnly(query.toText)} className={filterInput} />
      </label>
      <input type="hidden" name="tz" value={timeZone} />
      <SelectFilter label={t("recommendation")} name="rec" value={query.recommendation ?? ""} options={[["with", t("hasOne")], ["without", t("hasNone")]]} />
      <SelectFilter label={t("sort")} name="sort" value={query.sort} any={null} options={[["last_event", t("sortLastEvent")], ["status_time", t("sortStatusTime")]]} />
      <SelectFilter label={t("order")} name="dir" value={query.dir} any={null} options={[["desc", t("newest")], ["asc", t("oldest")]]} />
    </FilterForm>
  );
}
