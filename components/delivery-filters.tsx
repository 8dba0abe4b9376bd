import { deliveryOutcomes, deliveryTypeFilters, type DeliveryListQuery } from "@/lib/schemas/delivery";
import { FilterForm, SelectFilter } from "./filter-form";

const outcomeOptions = deliveryOutcomes.map((outcome) => [outcome, outcome] as const);
const typeOptions = deliveryTypeFilters.map((type) => [type, type === "other" ? "other or missing" : type] as const);

/** The inbox's filters: outcome and type (see FilterForm). */
export function DeliveryFilters({ query }: { query: DeliveryListQuery }) {
  return (
    <FilterForm
      action="/deliveries"
      label="Filter deliveries"
      lead={
        <>
          <SelectFilter label="Outcome" name="outcome" value={query.outcome ?? ""} options={outcomeOptions} />
          <SelectFilter label="Type" name="type" value={query.type ?? ""} options={typeOptions} />
        </>
      }
    />
  );
}
