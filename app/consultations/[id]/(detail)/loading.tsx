import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function ConsultationLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("consultation")} rows={6} />;
}
