// What a page shows instead of medical data when its audit row could not be written (fail closed:
// lib/audit/record.ts recordBeforeShowing).
export function AuditUnavailable({ what }: { what: string }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border-2 border-red-700 bg-red-50 p-6 text-red-950" data-testid="audit-unavailable">
      <h1 className="text-xl font-semibold">Not shown: the audit trail is not available</h1>
      <p>
        Care Desk records who opens {what} before showing it, and that record could not be written just now. Nothing was shown.
      </p>
      <p>Try again in a moment. If this keeps happening, tell an admin: the database may be full or read-only.</p>
    </div>
  );
}
