// The audit trail's actions: every name an AuditEvent row may carry, and the shape of its
// `detail` (identifiers and counts only, never medical content: no drug names, no notes, no pass
// code, no search results). Adding an action here is the whole of making it recordable with one
// recordAudit() call. Pure types and data: importable anywhere (the /audit page's filter too).

/** The list or search query as the URL gives it (filters and the search term), and how many rows came back. */
export type ListQueryDetail = { query: string; rows: number };

export type AuditDetails = {
  /** A consultation's detail page or GET /api/consultations/{id}: the recommendation version shown (null: none). */
  "consultation.viewed": { via: "page" | "api"; versions: number };
  /** The consultation list or GET /api/consultations; `opened`: the search named one member (or a shared policy) and the list sent the coordinator to that page instead. */
  "consultations.listed": ListQueryDetail & { via: "page" | "api"; opened?: "member" | "policy" };
  /** The print page rendered for a browser, with its paper size. */
  "print.viewed": { paperSize: "a4" | "a5" | null; imported?: "print_views" };
  /** The coordinator pressed Reveal: the pass code and dispense link were sent to the screen. */
  "passcode.revealed": Record<string, never>;
  /** A delivery's raw body shown (/deliveries/{id}) or downloaded (/deliveries/{id}/body). */
  "delivery.body_viewed": { via: "page" | "download"; bytes: number | null };
  "sign_in.succeeded": { method: "password" | "two_factor" | "sso" };
  /** email: as typed (an identifier; unknown emails are recorded too, lower-cased). */
  "sign_in.failed": { email: string; method: "password" | "two_factor" };
  "sign_in.locked": { email: string; retryAfterSeconds: number | null };
  "sign_out": { everywhere: boolean };
  "two_factor.enrolled": Record<string, never>;
  "two_factor.removed": Record<string, never>;
  /** A signed-in user changed their own UI language or digits (/account, the header's language switch). */
  "account.preferences_changed": { locale: string | null; digits: string | null };
  "user.created": { email: string; role: string };
  /** Password reset or sessions ended by an admin. */
  "user.changed": { change: "password_reset" | "sessions_revoked" };
  "user.disabled": { disabled: boolean };
  "user.role_changed": { role: string };
  "token.created": { name: string; role: string; expiresInDays: number | null };
  "token.revoked": Record<string, never>;
  /** An instance-wide setting: which one (never its value). */
  "setting.changed": { setting: "webhook_secret" | "admin_two_factor_required"; value?: boolean };
  /** The /audit page's CSV export: its filters and row count. */
  "audit.exported": ListQueryDetail;
  /** verifyAuditChain() run on demand from /audit. */
  "audit.verified": { outcome: "intact" | "broken"; events: number; firstBadSeq: number | null };
  /** purgeExpiredAuditEvents(): how many events went, and where the kept chain starts. */
  "audit.purged": { purged: number; before: string; anchorSeq: number };
  /** Someone signed in asked for what their role does not allow. */
  "permission.denied": { permission: string; path: string | null };

  /** An admin changed an alert rule on /alerts, or reset it to the environment's default. */
  "alert_rule.changed": { rule: string; change: "updated" | "reset"; threshold: number; businessHoursOnly: boolean };
  /** An admin acknowledged a firing (or resolved) alert on /alerts. */
  "alert.acknowledged": { alertId: number };
  /** Stored deliveries run again through today's validation and projection (not a dry run). */
  "deliveries.reprocessed": { via: "page" | "cli"; filter: string; selected: number; accepted: number; nowAccepted: number; stillRejected: number; newConsultations: number; newRecommendationVersions: number };
  /** An admin erased a consultation and every row about it: how many of each went. */
  "consultation.erased": { statusChanges: number; recommendations: number; recommendationItems: number; deliveries: number };

  /**
   * A member's history page (/members/{userId}): the member and how many consultations they have;
   * or a policy's member list (/members?policy=…): the policy number and how many members it showed.
   */
  "member.viewed": { memberId: string; consultations: number } | { policyNumber: string; members: number };
  /**
   * A CSV download. GET /api/consultations/export: the list's filters, the rows matched when it
   * began (the most it sends), "csv". GET /api/members/{userId}/export (`export: "member_prescriptions"`):
   * the member and how many prescription rows it sends.
   */
  "export.downloaded":
    | (ListQueryDetail & { format: "csv"; export?: "consultations" | "tasks" })
    | { export: "member_prescriptions"; memberId: string; rows: number; format: "csv" };

  /** The worklist (/worklist): its filters (without the paging cursor) and how many tasks it showed. */
  "tasks.listed": ListQueryDetail;
  /**
   * A coordinator changed a task (recorded before the change is made: fail closed). A change then
   * refused is recorded again with outcome "failed"; `conflict`: because someone else had changed
   * the task since. Never the note text or the reason.
   */
  "task.changed": { taskId: number; change: "complete" | "dismiss" | "reopen" | "assign" | "due" | "notes"; conflict?: boolean };
};

export type AuditAction = keyof AuditDetails;

/** Every action, in the order the /audit page's filter lists them. */
export const auditActions = [
  "consultation.viewed",
  "consultations.listed",
  "print.viewed",
  "passcode.revealed",
  "delivery.body_viewed",
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.locked",
  "sign_out",
  "two_factor.enrolled",
  "two_factor.removed",
  "account.preferences_changed",
  "user.created",
  "user.changed",
  "user.disabled",
  "user.role_changed",
  "token.created",
  "token.revoked",
  "setting.changed",
  "audit.exported",
  "audit.verified",
  "audit.purged",
  "permission.denied",
  "alert_rule.changed",
  "alert.acknowledged",
  "deliveries.reprocessed",
  "consultation.erased",
  "member.viewed",
  "export.downloaded",
  "tasks.listed",
  "task.changed",
] as const satisfies readonly AuditAction[];

// Every key of AuditDetails is listed above (a missing one fails to compile here).
type Missing = Exclude<AuditAction, (typeof auditActions)[number]>;
const allListed: Missing extends never ? true : Missing = true;
void allListed;

export const auditOutcomes = ["allowed", "denied", "failed"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && (auditActions as readonly string[]).includes(value);

/** What one recordAudit() call describes: the action, its outcome, what it touched, its detail. */
export type AuditEventInput = {
  [A in AuditAction]: {
    action: A;
    outcome?: AuditOutcome;
    consultationId?: number | null;
    recommendationId?: number | null;
    deliveryId?: number | null;
    subjectUserId?: string | null;
    subjectTokenId?: string | null;
    detail: AuditDetails[A];
  };
}[AuditAction];

/** The page's wording of each action. */
export const auditActionLabels: Record<AuditAction, string> = {
  "consultation.viewed": "Consultation opened",
  "consultations.listed": "Consultation list or search",
  "print.viewed": "Print page opened",
  "passcode.revealed": "Pass code revealed",
  "delivery.body_viewed": "Delivery raw body opened",
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "sign_in.locked": "Sign-in refused (locked)",
  "sign_out": "Signed out",
  "two_factor.enrolled": "Two-factor enrolled",
  "two_factor.removed": "Two-factor removed",
  "account.preferences_changed": "Language or digits changed",
  "user.created": "User created",
  "user.changed": "User changed",
  "user.disabled": "User disabled or enabled",
  "user.role_changed": "Role changed",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "setting.changed": "Setting changed",
  "audit.exported": "Audit trail exported",
  "audit.verified": "Audit chain verified",
  "audit.purged": "Old audit events purged",
  "permission.denied": "Permission refused",
  "member.viewed": "Member or policy members opened",
  "export.downloaded": "CSV exported",
  "alert_rule.changed": "Alert rule changed",
  "alert.acknowledged": "Alert acknowledged",
  "deliveries.reprocessed": "Deliveries reprocessed",
  "consultation.erased": "Consultation erased",
  "tasks.listed": "Worklist opened",
  "task.changed": "Task changed",
};
