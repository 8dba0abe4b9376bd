import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/skeleton";

export default function MemberLoading() {
  const t = useTranslations("skeleton");
  return <Skeleton label={t("member")} rows={6} />;
}
