import { Skeleton } from "@/components/skeleton";

export default function PolicyMembersLoading() {
  return <Skeleton label="Loading the policy's members…" rows={4} />;
}
