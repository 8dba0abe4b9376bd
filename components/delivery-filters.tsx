import { useTranslations } from "next-intl";
import { deliveryOutcomes, deliveryTypeFilters, type DeliveryListQuery } from "@/lib/schemas/delivery";
import { FilterForm, SelectFilter } from "./filter-form";

/** The inbox's filters: outcome and type (see FilterForm). Types are Altibbi's codes, shown as sent. */
export function DeliveryFilters({ query }: { query: DeliveryListQuery }) {
  const t = useTranslations("deliveries.filters");
  const outcomes = useTranslations("outcome");
  const outcomeOptions = deliveryOutcomes.map((outcome) => [outcome, outcomes(outcome)] as const);
  const typeOptions = deliveryTypeFilters.map((type) => [type, type === "other" ? t("otherType") : type] as const);
  return (
    <FilterForm
      action="/deliveries"
      label={t("form")}
      lead={
        <>
          <SelectFilter label={t("outcome")} name="outcome" value={query.outcome ?? ""} options={outcomeOptions} />
          <SelectFilter label={t("type")} name="type" value={query.type ?? ""} options={typeOptions} />
        </>
      }
    />
  );
}
