import { useTranslations } from "next-intl";
import { FilterForm, SelectFilter } from "./filter-form";
import { dueFilters, taskKindValues, type WorklistQuery } from "@/lib/schemas/task";
import { statusFilters } from "@/lib/statuses";

/** The worklist's filters: kind, assignee (mine, unassigned, a coordinator), due date, consultation status. */
export function WorklistFilters({ query, assignable, meId }: { query: WorklistQuery; assignable: { id: string; name: string }[]; meId: string }) {
  const t = useTranslations("tasks");
  const status = useTranslations("status");
  const people: [string, string][] = [
    ["mine", t("filters.mine")],
    ["unassigned", t("filters.unassigned")],
    ...assignable.filter((user) => user.id !== meId).map((user): [string, string] => [user.id, user.name]),
  ];
  return (
    <FilterForm
      action="/worklist"
      label={t("filters.label")}
      lead={
        <>
          <SelectFilter label={t("filters.kind")} name="kind" value={query.kind ?? ""} options={taskKindValues.map((kind) => [kind, t(`kinds.${kind}`)] as const)} />
          <SelectFilter label={t("filters.assignee")} name="assignee" value={query.assignee ?? ""} options={people} any={t("filters.anyone")} />
          <SelectFilter label={t("filters.due")} name="due" value={query.due ?? ""} options={dueFilters.map((due) => [due, t(`dueFilters.${due}`)] as const)} any={t("filters.anyTime")} />
          <SelectFilter label={t("filters.status")} name="status" value={query.status ?? ""} options={statusFilters.map((value) => [value, status(`labels.${value}`)] as const)} />
        </>
      }
    />
  );
}
