import { Skeleton } from "@/components/skeleton";

export default function DeliveryLoading() {
  return <Skeleton label="Loading the delivery…" rows={5} />;
}
