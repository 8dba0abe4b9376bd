"use client";
import { RouteError } from "@/components/route-error";

export default function InsightsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="insights" />;
}
