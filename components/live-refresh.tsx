"use client";
// Live refresh: polls a small "what changed?" endpoint (react-query) and, when
// something new appears, re-renders the page on the server (router.refresh). Scroll position,
// focus, typed input and open <details> stay as they are; only the data changes.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { ConsultationChangesDto } from "@/lib/schemas/consultation";
import type { DeliveryChangesDto } from "@/lib/schemas/delivery";
import { LiveStatus } from "./live-status";

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

/**
 * A feed of changed rows after a cursor (GET /api/consultations/changes, /api/tasks/changes):
 * refreshes the page when a row appears that it has not seen at that version, or when the
 * answer was cut short.
 */
function LiveChanges({ initial, queryKey, url }: { initial: ConsultationChangesDto; queryKey: readonly unknown[]; url: (cursor: string | null) => string }) {
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

/** For the consultation list (all consultations) or one consultation's page (`consultationId`). */
export function LiveConsultations({ initial, consultationId }: { initial: ConsultationChangesDto; consultationId?: number }) {
  const url = (cursor: string | null) => {
    const params = new URLSearchParams();
    if (cursor) params.set("since", cursor);
    if (consultationId !== undefined) params.set("id", String(consultationId));
    return `/api/consultations/changes?${params}`;
  };
  return <LiveChanges initial={initial} queryKey={["consultation-changes", consultationId ?? "all"]} url={url} />;
}

/** For the deliveries page: refreshes when a delivery id it has not seen appears. */
export function LiveDeliveries({ initial }: { initial: DeliveryChangesDto }) {
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

/** For the worklist: refreshes when a task it has not seen is created or changed (GET /api/tasks/changes). */
export function LiveTasks({ initial }: { initial: ConsultationChangesDto }) {
  return <LiveChanges initial={initial} queryKey={["task-changes"]} url={(cursor) => `/api/tasks/changes${cursor ? `?since=${encodeURIComponent(cursor)}` : ""}`} />;
}
