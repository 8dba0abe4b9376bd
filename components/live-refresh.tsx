"use client";
// Live refresh: polls a small "what changed?" endpoint (react-query) and, when
// something new appears, re-renders the page on the server (router.refresh). Scroll position,
// focus, typed input and open <details> stay as they are; only the data changes.
//
// The polling (components/live-poll.tsx, with react-query) is loaded after the page has
// hydrated, not with the page's first-load JavaScript: until it runs, the status says
// "Connecting…", which is what the server renders anyway.
// (React.lazy rather than next/dynamic: the same split without next/dynamic's own code.)
import { lazy, Suspense, useSyncExternalStore } from "react";
import type { ConsultationChangesDto } from "@/lib/schemas/consultation";
import type { DeliveryChangesDto } from "@/lib/schemas/delivery";
import { LiveStatus } from "./live-status";

/** How long to wait before fetching the poll's code again, when it could not be fetched (offline, a new deploy). */
const reloadMs = 5_000;

async function loadPoll(): Promise<typeof import("./live-poll")> {
  for (;;) {
    try {
      return await import("./live-poll");
    } catch {
      await new Promise((resolve) => setTimeout(resolve, reloadMs));
    }
  }
}

const LiveChangesPoll = lazy(() => loadPoll().then((poll) => ({ default: poll.LiveChangesPoll })));
const LiveDeliveriesPoll = lazy(() => loadPoll().then((poll) => ({ default: poll.LiveDeliveriesPoll })));

const subscribeToNothing = () => () => {};

/** "Connecting…" on the server, while hydrating and until the poll's code has loaded; then the poll. */
function InBrowser({ children }: { children: React.ReactNode }) {
  const inBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const connecting = <LiveStatus live={false} failing={false} />;
  return inBrowser ? <Suspense fallback={connecting}>{children}</Suspense> : connecting;
}

/** For the consultation list (all consultations) or one consultation's page (`consultationId`). */
export function LiveConsultations({ initial, consultationId }: { initial: ConsultationChangesDto; consultationId?: number }) {
  const url = (cursor: string | null) => {
    const params = new URLSearchParams();
    if (cursor) params.set("since", cursor);
    if (consultationId !== undefined) params.set("id", String(consultationId));
    return `/api/consultations/changes?${params}`;
  };
  return (
    <InBrowser>
      <LiveChangesPoll initial={initial} queryKey={["consultation-changes", consultationId ?? "all"]} url={url} />
    </InBrowser>
  );
}

/** For the deliveries page: refreshes when a delivery id it has not seen appears. */
export function LiveDeliveries({ initial }: { initial: DeliveryChangesDto }) {
  return (
    <InBrowser>
      <LiveDeliveriesPoll initial={initial} />
    </InBrowser>
  );
}

/** For the worklist: refreshes when a task it has not seen is created or changed (GET /api/tasks/changes). */
export function LiveTasks({ initial }: { initial: ConsultationChangesDto }) {
  return (
    <InBrowser>
      <LiveChangesPoll initial={initial} queryKey={["task-changes"]} url={(cursor) => `/api/tasks/changes${cursor ? `?since=${encodeURIComponent(cursor)}` : ""}`} />
    </InBrowser>
  );
}
