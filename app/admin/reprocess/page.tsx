// GET /admin/reprocess — run stored deliveries again through today's validation and projection (admins)
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { maxReprocessDeliveries, reprocessOutcomes } from "@/lib/reprocess/filter";
import { ClientMessages } from "@/components/client-messages";
import { ReprocessForm } from "@/components/reprocess-form";
import { reprocessAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminReprocess"))("title") };
}

export default async function ReprocessPage() {
  await requirePagePermission("replay", "/admin/reprocess");
  const t = await getTranslations("adminReprocess");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        {t.rich("intro", {
          max: maxReprocessDeliveries,
          code: (chunks) => (
            <code className="font-mono" dir="ltr">
              {chunks}
            </code>
          ),
        })}
      </p>
      <ClientMessages namespaces={["adminReprocess", "outcome"]}>
        <ReprocessForm action={reprocessAction} outcomes={reprocessOutcomes} />
      </ClientMessages>
    </div>
  );
}
