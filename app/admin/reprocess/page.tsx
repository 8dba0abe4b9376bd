// GET /admin/reprocess — run stored deliveries again through today's validation and projection (admins)
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { maxReprocessDeliveries, reprocessOutcomes } from "@/lib/reprocess/filter";
import { ReprocessForm } from "@/components/reprocess-form";
import { reprocessAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reprocess deliveries" };

export default async function ReprocessPage() {
  await requirePagePermission("replay", "/admin/reprocess");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Reprocess deliveries</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        After a fix or a contract change, run stored deliveries again through today&apos;s validation and projection. A dry run shows what would change (new
        consultations, status changes, new recommendation versions, what is still rejected and why); Apply then does exactly that. Running it twice changes nothing
        the second time; deliveries keep their id and receipt time, and a once-refused delivery that is valid today becomes processed. At most{" "}
        {maxReprocessDeliveries} deliveries per run, oldest first. Also as a command: <code className="font-mono">npm run deliveries:reprocess -- --help</code>.
      </p>
      <ReprocessForm action={reprocessAction} outcomes={reprocessOutcomes} />
    </div>
  );
}
