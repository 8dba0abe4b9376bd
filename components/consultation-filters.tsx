import Form from "next/form";
import Link from "next/link";
import type { ConsultationListQuery } from "@/lib/schemas/consultation-query";
import { statusFilters, statusStyles } from "@/lib/statuses";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const dateOnly = (text: string | undefined) => (text ? text.slice(0, 10) : "");

/**
 * Filters, search and sort, as a GET form: they live in the URL (shareable, the back button
 * works), and next/form submits them as a client-side navigation. Keyed by the URL so that its
 * inputs always show the filters in force.
 */
export function ConsultationFilters({ query, timeZone }: { query: ConsultationListQuery; timeZone: string }) {
  return (
    <Form action="/consultations" prefetch={false} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filter consultations">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 grow basis-64 flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Search</span>
          <input
            type="search"
            name="q"
            defaultValue={query.search ?? ""}
            maxLength={100}
            placeholder="Consultation, member, insurance or policy id; ICD-10 code or name; drug"
            className={`${field} w-full`}
            dir="auto"
          />
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          Apply
        </button>
        <Link href="/consultations" prefetch={false} className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline-offset-2 hover:underline">
          Clear all
        </Link>
      </div>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
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
          <input type="date" name="from" defaultValue={dateOnly(query.fromText)} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">to</span>
          <input type="date" name="to" defaultValue={dateOnly(query.toText)} className={field} />
        </label>
        <input type="hidden" name="tz" value={timeZone} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Recommendation</span>
          <select name="rec" defaultValue={query.recommendation ?? ""} className={field}>
            <option value="">Any</option>
            <option value="with">Has one</option>
            <option value="without">Has none</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Sort by</span>
          <select name="sort" defaultValue={query.sort} className={field}>
            <option value="last_event">Last event</option>
            <option value="status_time">Status time</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Order</span>
          <select name="dir" defaultValue={query.dir} className={field}>
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </select>
        </label>
      </div>
    </Form>
  );
}
