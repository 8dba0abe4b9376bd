const styles: Record<string, string> = {
  processed: "bg-emerald-100 text-emerald-900",
  duplicate: "bg-slate-200 text-slate-800",
  rejected: "bg-red-100 text-red-900",
  unauthorized: "bg-orange-100 text-orange-950",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span className={`badge ring-transparent ${styles[outcome] ?? "bg-slate-100 text-slate-800"}`} data-outcome={outcome}>
      {outcome}
    </span>
  );
}
