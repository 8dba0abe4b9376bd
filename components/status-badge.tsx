import { isDocumentedStatus } from "@/lib/statuses";

const styles: Record<string, string> = {
  new: "badge bg-sky-100 text-sky-900 ring-sky-300",
  checking_medical_profile: "badge bg-amber-100 text-amber-900 ring-amber-300",
  in_progress: "badge bg-violet-100 text-violet-900 ring-violet-300",
  closed: "badge bg-emerald-100 text-emerald-900 ring-emerald-300",
};

export const statusLabels: Record<string, string> = {
  new: "New",
  checking_medical_profile: "Checking medical profile",
  in_progress: "In progress",
  closed: "Closed",
  other: "Other",
};

/**
 * A consultation status as a colour-coded badge. Documented statuses get their label; any other
 * is shown exactly as Altibbi sent it, dashed and marked, because it is not one we know.
 */
export function StatusBadge({ status }: { status: string | null }) {
  if (status === null) {
    return <span className="badge font-normal text-slate-600 ring-slate-300">no status yet</span>;
  }
  if (!isDocumentedStatus(status)) {
    return (
      <span
        className="inline-flex items-center gap-1 rounded-full border border-dashed border-slate-500 bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800"
        title="Not a status Altibbi documents: shown as sent"
        data-status={status}
      >
        <span aria-hidden="true">?</span>
        <span dir="auto">{status}</span>
        <span className="sr-only">(undocumented status)</span>
      </span>
    );
  }
  return (
    <span className={styles[status]} data-status={status}>
      {statusLabels[status]}
    </span>
  );
}
