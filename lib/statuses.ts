// Altibbi's consultation statuses. The set is open: unknown statuses are stored and shown as
// sent, flagged as undocumented, because losing a real status is worse than an unfamiliar one.

/** The statuses Altibbi's partner documentation lists, in lifecycle order. */
export const documentedStatuses = ["new", "checking_medical_profile", "in_progress", "closed"] as const;

/** Lifecycle step of each status we know of (Altibbi's SDKs also use accepted and scheduled). */
const lifecycleStep: Record<string, number> = {
  new: 10,
  scheduled: 20,
  accepted: 25,
  checking_medical_profile: 30,
  in_progress: 40,
  closed: 50,
};

/**
 * Rank used to break a tie between two events with the same event time: the later lifecycle
 * step wins. Unknown statuses rank lowest, so a documented step is never hidden by one.
 */
export const statusRank = (status: string): number => lifecycleStep[status] ?? 0;

export type DocumentedStatus = (typeof documentedStatuses)[number];

export const isDocumentedStatus = (status: string): status is DocumentedStatus =>
  (documentedStatuses as readonly string[]).includes(status);

export const statusPattern = /^[a-z][a-z0-9_]{0,63}$/;

/** The status filter's choices: the documented statuses, and "other" (undocumented or none yet). */
export const statusFilters = [...documentedStatuses, "other"] as const;
export type StatusFilter = (typeof statusFilters)[number];

/**
 * How each status (and the "other" filter) looks everywhere on screen: its label, its badge's
 * colours and the accent of its count. One table, so the badge, the filters and the counts agree.
 */
export const statusStyles: Record<StatusFilter, { label: string; badge: string; accent: string }> = {
  new: { label: "New", badge: "bg-sky-100 text-sky-900 ring-sky-300", accent: "border-t-sky-500" },
  checking_medical_profile: { label: "Checking medical profile", badge: "bg-amber-100 text-amber-900 ring-amber-300", accent: "border-t-amber-500" },
  in_progress: { label: "In progress", badge: "bg-violet-100 text-violet-900 ring-violet-300", accent: "border-t-violet-500" },
  closed: { label: "Closed", badge: "bg-emerald-100 text-emerald-900 ring-emerald-300", accent: "border-t-emerald-500" },
  other: { label: "Other", badge: "bg-slate-100 text-slate-800 ring-slate-300", accent: "border-t-slate-400" },
};
