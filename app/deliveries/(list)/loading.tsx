import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function DeliveriesLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("deliveries")} />;
}
