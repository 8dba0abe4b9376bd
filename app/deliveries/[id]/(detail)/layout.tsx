import { notFound } from "next/navigation";
import { hasDelivery, parseDeliveryId } from "@/lib/data/deliveries";

export const dynamic = "force-dynamic";

/** Checks that the delivery exists before loading.tsx streams, so that an unknown id answers 404. */
export default async function DeliveryLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const id = parseDeliveryId((await params).id);
  if (id === null || !(await hasDelivery(id))) notFound();
  return children;
}
