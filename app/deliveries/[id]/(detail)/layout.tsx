import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasDelivery, parseDeliveryId } from "@/lib/data/deliveries";

export const dynamic = "force-dynamic";

/** Checks that the delivery exists before loading.tsx streams, so that an unknown id answers 404. */
export default async function DeliveryLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const text = (await params).id;
  const caller = await requirePagePermission("deliveries:read", `/deliveries/${text}`);
  const id = parseDeliveryId(text);
  if (id === null || !(await hasDelivery(caller, id))) notFound();
  return children;
}
