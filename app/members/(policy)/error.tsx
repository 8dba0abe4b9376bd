"use client";
import { RouteError } from "@/components/route-error";

export default function PolicyMembersError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="members" />;
}
