import Link from "next/link";
import { auditActionLabels, isAuditAction } from "@/lib/audit/catalogue";
import type { AuditEventDto } from "@/lib/schemas/audit-query";
import { DataTable } from "../data-table";
import { LocalTime } from "../local-time";

const headers = ["#", "When", "Who", "Action", "Outcome", "Subject", "Detail", "From"];

/** The detail JSON as "key: value" pairs (identifiers and counts only). */
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

export function actorText(event: Pick<AuditEventDto, "actorKind" | "actorLabel" | "actorId">): string {
  if (event.actorKind === "token") return `API token ${event.actorLabel ?? event.actorId ?? ""}`.trim();
  if (event.actorKind === "system") return `Care Desk (${event.actorLabel ?? "system"})`;
  if (event.actorKind === "anonymous") return event.actorLabel ? `not signed in (${event.actorLabel})` : "not signed in";
  return event.actorLabel ?? event.actorId ?? "unknown user";
}

/** The audit trail, newest first. Users link to the users page; consultations link only for admins. */
export function AuditTable({ items, timeZone, linkConsultations }: { items: AuditEventDto[]; timeZone: string; linkConsultations: boolean }) {
  return (
    <DataTable caption="Audit events, newest first" headers={headers} testId="audit-table">
      {items.map((event) => (
        <tr key={event.seq} data-row-id={event.seq} data-action={event.action}>
          <td data-label="#" className="font-mono text-xs">
            {event.seq}
          </td>
          <td data-label="When">
            <LocalTime utc={event.at} timeZone={timeZone} />
          </td>
          <td data-label="Who">
            {event.actorKind === "user" && event.actorId ? (
              <Link href={`/admin/users#user-${encodeURIComponent(event.actorId)}`} prefetch={false} dir="auto">
                {actorText(event)}
              </Link>
            ) : (
              <span dir="auto">{actorText(event)}</span>
            )}
            {event.role ? <span className="block text-xs text-slate-600">{event.role}</span> : null}
          </td>
          <td data-label="Action">{isAuditAction(event.action) ? auditActionLabels[event.action] : event.action}</td>
          <td data-label="Outcome">
            <span className={event.outcome === "allowed" ? "text-emerald-800" : "font-semibold text-red-800"}>{event.outcome}</span>
          </td>
          <td data-label="Subject" className="text-sm">
            {event.consultationId !== null ? (
              <span className="block">
                consultation{" "}
                {linkConsultations ? (
                  <Link href={`/consultations/${event.consultationId}`} prefetch={false} className="font-mono">
                    {event.consultationId}
                  </Link>
                ) : (
                  <span className="font-mono">{event.consultationId}</span>
                )}
                {event.recommendationId !== null ? <span className="text-slate-600"> (recommendation {event.recommendationId})</span> : null}
              </span>
            ) : null}
            {event.deliveryId !== null ? <span className="block">delivery {event.deliveryId}</span> : null}
            {event.subjectUserId !== null ? (
              <span className="block">
                user{" "}
                <Link href={`/admin/users#user-${encodeURIComponent(event.subjectUserId)}`} prefetch={false} className="font-mono text-xs">
                  {event.subjectUserId}
                </Link>
              </span>
            ) : null}
            {event.subjectTokenId !== null ? <span className="block font-mono text-xs">token {event.subjectTokenId}</span> : null}
          </td>
          <td data-label="Detail" className="text-xs break-all text-slate-800 md:max-w-sm" dir="auto">
            {detailText(event.detail)}
          </td>
          <td data-label="From" className="text-xs text-slate-700">
            {event.ip ?? "—"}
            {event.userAgent ? (
              <span className="block max-w-48 truncate" title={event.userAgent}>
                {event.userAgent}
              </span>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
