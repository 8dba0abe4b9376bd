import { Skeleton } from "@/components/skeleton";

export default function MemberLoading() {
  return <Skeleton label="Loading the member's history…" rows={6} />;
}
