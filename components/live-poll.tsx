"use client";
// The polls behind components/live-refresh.tsx, loaded by it in the browser only, after
// hydration; with react-query.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { ConsultationChangesDto } from "@/lib/schemas/consultation";
import type { DeliveryChangesDto } from "@/lib/schemas/delivery";
import { LiveStatus } from "./live-status";
import { QueryProvider } from "./query-provider";

/** Poll period: news shows within ~1 s (poll + re-render); a poll costs one or two indexed reads. */
const pollMs = 500;
/** Relative times ("in status for 5 min") drift: re-render at least this often while visible. */
const tickMs = 60_000;

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

function useTick(refresh: () => void) {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, tickMs);
    return () => clearInterval(timer);
  }, [refresh]);
}

type ChangesProps = { initial: ConsultationChangesDto; queryKey: readonly unknown[]; url: (cursor: string | null) => string };

/**
 * A feed of changed rows after a cursor (GET /api/consultations/changes, /api/tasks/changes):
 * refreshes the page when a row appears that it has not seen at that version, or when the
 * answer was cut short.
 */
function LiveChanges({ initial, queryKey, url }: ChangesProps) {
  const router = useRouter();
  const cursor = useRef(initial.cursor);
  const seen = useRef(new Set(initial.changes.map((change) => `${change.id}@${change.updatedAt}`)));
  const { data, isError, isSuccess } = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchJson<ConsultationChangesDto>(url(cursor.current), signal),
    refetchInterval: pollMs,
  });

  useEffect(() => {
    if (!data) return;
    const fresh = data.changes.filter((change) => !seen.current.has(`${change.id}@${change.updatedAt}`));
    // Forget pairs that left the overlap window, so the set stays small.
    seen.current = new Set(data.changes.map((change) => `${change.id}@${change.updatedAt}`));
    cursor.current = data.cursor ?? cursor.current;
    if (fresh.length > 0 || data.truncated) router.refresh();
  }, [data, router]);

  useTick(router.refresh);
  return <LiveStatus live={isSuccess} failing={isError} />;
}

function LiveDeliveries({ initial }: { initial: DeliveryChangesDto }) {
  const router = useRouter();
  const seen = useRef(new Set(initial.latestIds));
  const { data, isError, isSuccess } = useQuery({
    queryKey: ["delivery-changes"],
    queryFn: ({ signal }) => fetchJson<DeliveryChangesDto>("/api/deliveries/changes", signal),
    refetchInterval: pollMs,
  });

  useEffect(() => {
    if (!data) return;
    const fresh = data.latestIds.some((id) => !seen.current.has(id));
    seen.current = new Set(data.latestIds);
    if (fresh) router.refresh();
  }, [data, router]);

  useTick(router.refresh);
  return <LiveStatus live={isSuccess} failing={isError} />;
}

export function LiveChangesPoll(props: ChangesProps) {
  return (
    <QueryProvider>
      <LiveChanges {...props} />
    </QueryProvider>
  );
}

export function LiveDeliveriesPoll({ initial }: { initial: DeliveryChangesDto }) {
  return (
    <QueryProvider>
      <LiveDeliveries initial={initial} />
    </QueryProvider>
  );
}
