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

export const isDocumentedStatus = (status: string): boolean =>
  (documentedStatuses as readonly string[]).includes(status);

export const statusPattern = /^[a-z][a-z0-9_]{0,63}$/;
