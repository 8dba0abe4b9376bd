import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function WorklistLoading() {
  const t = useTranslations("tasks.worklist");
  return <Skeleton label={t("loading")} />;
}
