import { hasDelivery } from "@/lib/data/deliveries";
import { parseDeliveryId } from "@/lib/schemas/ids";
import { recordLayout } from "@/components/record-layout";

export const dynamic = "force-dynamic";

export default recordLayout({
  permission: "deliveries:read",
  path: (id) => `/deliveries/${id}`,
  parseId: parseDeliveryId,
  exists: hasDelivery,
});
