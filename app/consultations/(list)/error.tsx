"use client";
import { RouteError } from "@/components/route-error";

export default function ConsultationsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="consultations" />;
}
