import { useTranslations } from "next-intl";
import type { DeliveryOutcome } from "@/lib/schemas/delivery";

const styles: Record<DeliveryOutcome, string> = {
  processed: "bg-emerald-100 text-emerald-900",
  duplicate: "bg-slate-200 text-slate-800",
  rejected: "bg-red-100 text-red-900",
  unauthorized: "bg-orange-100 text-orange-950",
};

export function OutcomeBadge({ outcome }: { outcome: DeliveryOutcome }) {
  const t = useTranslations("outcome");
  return (
    <span className={`badge ring-transparent ${styles[outcome]}`} data-outcome={outcome}>
      {t(outcome)}
    </span>
  );
}
