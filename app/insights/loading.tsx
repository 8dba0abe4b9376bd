import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function InsightsLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("insights")} rows={6} />;
}
