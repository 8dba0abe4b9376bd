import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function PolicyMembersLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("members")} rows={4} />;
}
