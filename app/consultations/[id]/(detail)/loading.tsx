import { Skeleton } from "@/components/skeleton";

export default function ConsultationLoading() {
  return <Skeleton label="Loading the consultation…" rows={6} />;
}
