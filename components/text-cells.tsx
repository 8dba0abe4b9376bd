// The markup of a status badge, a time, a diagnosis and a plain text cell, from words already
// translated and times already formatted: no hooks and no next-intl, so that the server components
// (StatusBadge, LocalTime, Diagnosis) and the list's client rows (consultation-rows.tsx) render
// one and the same HTML.
import { isDocumentedStatus, statusStyles } from "@/lib/statuses";

export const blank = <span className="quiet">—</span>;

/** Altibbi's free text as sent, its direction its own; blank when empty. */
export function Text({ value }: { value: string | null }) {
  return value === null || value === "" ? blank : <span dir="auto">{value}</span>;
}

/** What a badge says about a status that is not a documented one (the same for every row). */
export type UndocumentedStatusText = { title: string; note: string };

/**
 * A consultation status as a colour-coded badge. Documented statuses get their label; any other
 * is shown exactly as Altibbi sent it, dashed and marked, because it is not one we know.
 * `label`: the documented status's label, or (no status yet) the words for none; `undocumented`
 * is needed only for a status that is not documented.
 */
export function StatusBadgeView({ status, label, undocumented }: { status: string | null; label: string; undocumented?: UndocumentedStatusText }) {
  if (status === null) {
    return <span className="badge font-normal text-slate-600 ring-slate-300">{label}</span>;
  }
  if (!isDocumentedStatus(status)) {
    return (
      <span
        className="inline-flex items-center gap-1 rounded-full border border-dashed border-slate-500 bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800"
        title={undocumented?.title}
        data-status={status}
      >
        <span aria-hidden="true">?</span>
        <bdi>{status}</bdi>
        {undocumented ? <span className="sr-only">({undocumented.note})</span> : null}
      </span>
    );
  }
  return (
    <span className={`badge ${statusStyles[status].badge}`} data-status={status}>
      {label}
    </span>
  );
}

/** A time as lib/time/format.ts wrote it for the viewer (`local`), the offset and as-sent in its tooltip; or, unreadable, as sent. */
export type TimeText = { utc: string; local: string; title: string } | { unreadable: string };

export function TimeView({ time, className }: { time: TimeText; className?: string }) {
  if ("unreadable" in time) return <bdi className={className}>{time.unreadable}</bdi>;
  return (
    <time dateTime={time.utc} title={time.title} className={className}>
      {time.local}
    </time>
  );
}

/** The words for a cell without a diagnosis: no recommendation yet, or one without a diagnosis. */
export type NoDiagnosisText = { noRecommendation: string; noDiagnosis: string };

/** A consultation's current diagnosis in a table cell: the ICD-10 code, then the name; or why there is none. */
export function DiagnosisView({ diagnosis, text }: { diagnosis: { code: string | null; name: string | null } | null; text: NoDiagnosisText }) {
  if (diagnosis === null) return <span className="quiet">{text.noRecommendation}</span>;
  if (diagnosis.code === null && diagnosis.name === null) return <span className="quiet">{text.noDiagnosis}</span>;
  return (
    <span>
      {diagnosis.code ? (
        <code className="me-1.5 rounded-sm bg-slate-100 px-1 text-xs" dir="auto">
          {diagnosis.code}
        </code>
      ) : null}
      {diagnosis.name ? <span dir="auto">{diagnosis.name}</span> : null}
    </span>
  );
}
