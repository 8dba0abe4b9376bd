import { useTranslations } from "next-intl";
import { auditActions, auditOutcomes } from "@/lib/audit/catalogue";
import type { AuditListQuery } from "@/lib/schemas/audit-query";
import { FilterForm, SelectFilter, filterInput } from "../filter-form";

function TextFilter({ label, name, value, type = "text", placeholder }: { label: string; name: string; value: string; type?: string; placeholder?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <input name={name} type={type} defaultValue={value} placeholder={placeholder} className={filterInput} />
    </label>
  );
}

/** The audit trail's filters: user, consultation, action, outcome, date range (see FilterForm). */
export function AuditFilters({ query }: { query: AuditListQuery }) {
  const t = useTranslations("audit");
  const actionOptions = auditActions.map((action) => [action, t(`actions.${action}`)] as const);
  const outcomeOptions = auditOutcomes.map((outcome) => [outcome, t(`outcomes.${outcome}`)] as const);
  return (
    <FilterForm
      action="/audit"
      label={t("filters.form")}
      lead={
        <>
          <TextFilter label={t("filters.user")} name="user" value={query.user ?? ""} />
          <TextFilter label={t("filters.consultation")} name="consultation" value={query.consultationId !== undefined ? String(query.consultationId) : ""} placeholder={t("filters.consultationPlaceholder")} />
          <SelectFilter label={t("filters.action")} name="action" value={query.action ?? ""} options={actionOptions} />
          <SelectFilter label={t("filters.outcome")} name="outcome" value={query.outcome ?? ""} options={outcomeOptions} />
        </>
      }
    >
      <TextFilter label={t("filters.from")} name="from" type="date" value={query.fromText ?? ""} />
      <TextFilter label={t("filters.to")} name="to" type="date" value={query.toText ?? ""} />
    </FilterForm>
  );
}
