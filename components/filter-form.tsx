import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";

/** The look of every filter input. */
export const filterInput = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

type Props = {
  /** The list page the form filters (its URL is the form's action). */
  action: string;
  /** The form's accessible name, e.g. "Filter consultations". */
  label: string;
  /** The first row, before Apply and Clear all (e.g. the search box). */
  lead: React.ReactNode;
  /** Further rows of filters, if any. */
  children?: React.ReactNode;
};

/**
 * A list's filters as a GET form: they live in the URL (shareable, the back button works), and
 * next/form submits them as a client-side navigation (a plain GET without JavaScript). Callers
 * key it by the URL, so that its inputs always show the filters in force.
 */
export function FilterForm({ action, label, lead, children }: Props) {
  const t = useTranslations("filters");
  return (
    <Form action={action} prefetch={false} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3" aria-label={label}>
      <div className="flex flex-wrap items-end gap-2">
        {lead}
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {t("apply")}
        </button>
        <Link href={action} prefetch={false} className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline-offset-2 hover:underline">
          {t("clearAll")}
        </Link>
      </div>
      {children ? <div className="flex flex-wrap items-end gap-x-4 gap-y-3">{children}</div> : null}
    </Form>
  );
}

/** A labelled select of a filter form; the empty value ("Any" in the page's language unless given) means no filter. */
export function SelectFilter({ label, name, value, options, any }: { label: string; name: string; value: string; options: readonly (readonly [string, string])[]; any?: string | null }) {
  const t = useTranslations("filters");
  const anyLabel = any === undefined ? t("any") : any;
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value} className={filterInput}>
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
