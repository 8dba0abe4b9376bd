import { Skeleton } from "@/components/skeleton";

export default function InsightsLoading() {
  return <Skeleton label="Loading insights…" rows={6} />;
}
