import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function ConsultationsLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("consultations")} />;
}
