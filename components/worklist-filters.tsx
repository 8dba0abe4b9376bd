import { FilterForm, SelectFilter } from "./filter-form";
import { dueFilterLabels, dueFilters, taskKindLabels, taskKindValues, type WorklistQuery } from "@/lib/schemas/task";
import { statusFilters, statusStyles } from "@/lib/statuses";

/** The worklist's filters: kind, assignee (mine, unassigned, a coordinator), due date, consultation status. */
export function WorklistFilters({ query, assignable, meId }: { query: WorklistQuery; assignable: { id: string; name: string }[]; meId: string }) {
  const people: [string, string][] = [
    ["mine", "Mine"],
    ["unassigned", "Unassigned"],
    ...assignable.filter((user) => user.id !== meId).map((user): [string, string] => [user.id, user.name]),
  ];
  return (
    <FilterForm
      action="/worklist"
      label="Filter the worklist"
      lead={
        <>
          <SelectFilter label="Kind" name="kind" value={query.kind ?? ""} options={taskKindValues.map((kind) => [kind, taskKindLabels[kind]] as const)} />
          <SelectFilter label="Assignee" name="assignee" value={query.assignee ?? ""} options={people} any="Anyone" />
          <SelectFilter label="Due" name="due" value={query.due ?? ""} options={dueFilters.map((due) => [due, dueFilterLabels[due]] as const)} any="Any time" />
          <SelectFilter label="Consultation status" name="status" value={query.status ?? ""} options={statusFilters.map((status) => [status, statusStyles[status].label] as const)} />
        </>
      }
    />
  );
}
