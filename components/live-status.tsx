"use client";
import { useClientText } from "./client-text";

/** "Live" once the first poll has answered (the server render says "Connecting…"). */
export function LiveStatus({ live, failing }: { live: boolean; failing: boolean }) {
  const t = useClientText().liveRefresh;
  const [dot, text] = failing ? ["bg-amber-500", t.paused] : live ? ["bg-emerald-500", t.live] : ["bg-slate-300", t.connecting];
  return (
    <p className="inline-flex items-center gap-1.5 text-xs text-slate-600" data-testid="live-status">
      <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
      {text}
    </p>
  );
}
