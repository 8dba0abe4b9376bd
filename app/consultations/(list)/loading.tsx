import { Skeleton } from "@/components/skeleton";

export default function ConsultationsLoading() {
  return <Skeleton label="Loading consultations…" />;
}
