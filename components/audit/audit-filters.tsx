import { auditActionLabels, auditActions, auditOutcomes } from "@/lib/audit/catalogue";
import type { AuditListQuery } from "@/lib/schemas/audit-query";
import { FilterForm, SelectFilter, filterInput } from "../filter-form";

const actionOptions = auditActions.map((action) => [action, auditActionLabels[action]] as const);
const outcomeOptions = auditOutcomes.map((outcome) => [outcome, outcome] as const);

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
  return (
    <FilterForm
      action="/audit"
      label="Filter audit events"
      lead={
        <>
          <TextFilter label="User (email or id)" name="user" value={query.user ?? ""} />
          <TextFilter label="Consultation" name="consultation" value={query.consultationId !== undefined ? String(query.consultationId) : ""} placeholder="id" />
          <SelectFilter label="Action" name="action" value={query.action ?? ""} options={actionOptions} />
          <SelectFilter label="Outcome" name="outcome" value={query.outcome ?? ""} options={outcomeOptions} />
        </>
      }
    >
      <TextFilter label="From" name="from" type="date" value={query.fromText ?? ""} />
      <TextFilter label="To" name="to" type="date" value={query.toText ?? ""} />
    </FilterForm>
  );
}
