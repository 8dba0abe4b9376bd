/** Placeholder blocks while a page's data loads (loading.tsx). */
export function Skeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{label}</span>
      <div className="h-8 w-56 animate-pulse rounded-md bg-slate-200" />
      <div className="h-16 animate-pulse rounded-lg bg-slate-200" />
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="h-9 animate-pulse rounded-md bg-slate-100" />
      ))}
    </div>
  );
}
