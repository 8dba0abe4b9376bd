import { useTranslations } from "next-intl";

// What a page shows instead of medical data when its audit row could not be written (fail closed:
// lib/audit/record.ts recordBeforeShowing).
const subjects = ["deliveryBody", "prescription", "consultation", "consultationList", "memberHistory", "policyMembers", "worklist"] as const;
type Subject = (typeof subjects)[number];
const isSubject = (what: string): what is Subject => (subjects as readonly string[]).includes(what);

/** `what`: a subject of the catalogue; a page not yet translated may still pass its English words. */
export function AuditUnavailable({ what }: { what: Subject | (string & {}) }) {
  const t = useTranslations("auditUnavailable");
  return (
    <div role="alert" className="space-y-2 rounded-lg border-2 border-red-700 bg-red-50 p-6 text-red-950" data-testid="audit-unavailable">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p>{t("text", { what: isSubject(what) ? t(`subjects.${what}`) : what })}</p>
      <p>{t("advice")}</p>
    </div>
  );
}
