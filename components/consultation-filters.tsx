import type { ConsultationListQuery } from "@/lib/schemas/consultation-query";
import { statusFilters, statusStyles } from "@/lib/statuses";
import { FilterForm, SelectFilter, filterInput } from "./filter-form";

const dateOnly = (text: string | undefined) => (text ? text.slice(0, 10) : "");

/** The consultation list's filters, search and sort (see FilterForm). */
export function ConsultationFilters({ query, timeZone }: { query: ConsultationListQuery; timeZone: string }) {
  return (
    <FilterForm
      action="/consultations"
      label="Filter consultations"
      lead={
        <label className="flex min-w-0 grow basis-64 flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Search</span>
          <input
            type="search"
            name="q"
            defaultValue={query.search ?? ""}
            maxLength={100}
            placeholder="Consultation, member, insurance or policy id; ICD-10 code or name; drug"
            className={`${filterInput} w-full`}
            dir="auto"
          />
        </label>
      }
    >
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Status</legend>
        {statusFilters.map((status) => (
          <label key={status} className="inline-flex items-center gap-1.5">
            <input type="checkbox" name="status" value={status} defaultChecked={query.statuses.includes(status)} className="size-4 accent-slate-900" />
            {statusStyles[status].label}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Last event from</span>
        <input type="date" name="from" defaultValue={dateOnly(query.fromText)} className={filterInput} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">to</span>
        <input type="date" name="to" defaultValue={dateOnly(query.toText)} className={filterInput} />
      </label>
      <input type="hidden" name="tz" value={timeZone} />
      <SelectFilter label="Recommendation" name="rec" value={query.recommendation ?? ""} options={[["with", "Has one"], ["without", "Has none"]]} />
      <SelectFilter label="Sort by" name="sort" value={query.sort} any={null} options={[["last_event", "Last event"], ["status_time", "Status time"]]} />
      <SelectFilter label="Order" name="dir" value={query.dir} any={null} options={[["desc", "Newest first"], ["asc", "Oldest first"]]} />
    </FilterForm>
  );
}
