import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function DeliveryLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("delivery")} rows={5} />;
}
