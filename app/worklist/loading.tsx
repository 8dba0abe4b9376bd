import { Skeleton } from "@/components/skeleton";

export default function WorklistLoading() {
  return <Skeleton label="Loading the worklist…" />;
}
