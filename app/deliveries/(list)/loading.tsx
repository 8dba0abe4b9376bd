import { Skeleton } from "@/components/skeleton";

export default function DeliveriesLoading() {
  return <Skeleton label="Loading webhook deliveries…" />;
}
