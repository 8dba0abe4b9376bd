import Link from "next/link";
import { useTranslations } from "next-intl";
import { auditOutcomes, isAuditAction } from "@/lib/audit/catalogue";
import type { AuditEventDto } from "@/lib/schemas/audit-query";
import { DataTable } from "../data-table";
import { LocalTime } from "../local-time";

const columns = ["seq", "when", "who", "action", "outcome", "subject", "detail", "from"] as const;

/** The detail JSON as "key: value" pairs (identifiers and counts only, kept as recorded). */
export function detailText(detail: string): string {
  try {
    const value: unknown = JSON.parse(detail);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return detail;
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${typeof item === "string" ? item : JSON.stringify(item)}`)
      .join(" · ");
  } catch {
    return detail;
  }
}

const isolate = (chunks: React.ReactNode) => <bdi>{chunks}</bdi>;

/** Who acted, in the page's language; names, emails and labels as recorded, each isolated. */
export function ActorText({ event }: { event: Pick<AuditEventDto, "actorKind" | "actorLabel" | "actorId"> }) {
  const t = useTranslations("audit.actor");
  if (event.actorKind === "token") return <>{t.rich("token", { name: event.actorLabel ?? event.actorId ?? "", isolate })}</>;
  if (event.actorKind === "system") return <>{t.rich("system", { label: event.actorLabel ?? t("systemDefault"), isolate })}</>;
  if (event.actorKind === "anonymous") return <>{event.actorLabel ? t.rich("anonymousAs", { label: event.actorLabel, isolate }) : t("anonymous")}</>;
  const who = event.actorLabel ?? event.actorId;
  return who ? <bdi>{who}</bdi> : <>{t("unknown")}</>;
}

/** An action's name in the page's language (an unknown one as recorded). */
export function ActionName({ action }: { action: string }) {
  const t = useTranslations("audit.actions");
  return isAuditAction(action) ? <>{t(action)}</> : <bdi>{action}</bdi>;
}

/** The audit trail, newest first. Users link to the users page; consultations link only for admins. */
export function AuditTable({ items, timeZone, linkConsultations }: { items: AuditEventDto[]; timeZone: string; linkConsultations: boolean }) {
  const t = useTranslations("audit");
  const roles = useTranslations("roles");
  const headers = columns.map((column) => t(`table.${column}`));
  const [, when, who, action, outcome, subject, detail, from] = headers;
  return (
    <DataTable caption={t("table.caption")} headers={headers} testId="audit-table">
      {items.map((event) => {
        const knownOutcome = auditOutcomes.find((name) => name === event.outcome);
        return (
          <tr key={event.seq} data-row-id={event.seq} data-action={event.action}>
            <td data-label="#" className="font-mono text-xs">
              {event.seq}
            </td>
            <td data-label={when}>
              <LocalTime utc={event.at} timeZone={timeZone} />
            </td>
            <td data-label={who}>
              {event.actorKind === "user" && event.actorId ? (
                <Link href={`/admin/users#user-${encodeURIComponent(event.actorId)}`} prefetch={false}>
                  <ActorText event={event} />
                </Link>
              ) : (
                <span>
                  <ActorText event={event} />
                </span>
              )}
              {event.role ? <span className="block text-xs text-slate-600">{roles.has(event.role as "admin") ? roles(event.role as "admin") : event.role}</span> : null}
            </td>
            <td data-label={action}>
              <ActionName action={event.action} />
            </td>
            <td data-label={outcome}>
              <span className={event.outcome === "allowed" ? "text-emerald-800" : "font-semibold text-red-800"}>{knownOutcome ? t(`outcomes.${knownOutcome}`) : <bdi>{event.outcome}</bdi>}</span>
            </td>
            <td data-label={subject} className="text-sm">
              {event.consultationId !== null ? (
                <span className="block">
                  {t("subject.consultation")}{" "}
                  {linkConsultations ? (
                    <Link href={`/consultations/${event.consultationId}`} prefetch={false} className="font-mono">
                      {event.consultationId}
                    </Link>
                  ) : (
                    <span className="font-mono">{event.consultationId}</span>
                  )}
                  {event.recommendationId !== null ? <span className="text-slate-600"> {t("subject.recommendation", { id: String(event.recommendationId) })}</span> : null}
                </span>
              ) : null}
              {event.deliveryId !== null ? <span className="block">{t("subject.delivery", { id: String(event.deliveryId) })}</span> : null}
              {event.subjectUserId !== null ? (
                <span className="block">
                  {t("subject.user")}{" "}
                  <Link href={`/admin/users#user-${encodeURIComponent(event.subjectUserId)}`} prefetch={false} className="font-mono text-xs">
                    <bdi>{event.subjectUserId}</bdi>
                  </Link>
                </span>
              ) : null}
              {event.subjectTokenId !== null ? (
                <span className="block font-mono text-xs">
                  {t("subject.token", { id: event.subjectTokenId })}
                </span>
              ) : null}
            </td>
            <td data-label={detail} className="text-xs break-all text-slate-800 md:max-w-sm" dir="auto">
              {detailText(event.detail)}
            </td>
            <td data-label={from} className="text-xs text-slate-700">
              <bdi>{event.ip ?? "—"}</bdi>
              {event.userAgent ? (
                <span className="block max-w-48 truncate" title={event.userAgent} dir="ltr">
                  {event.userAgent}
                </span>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
