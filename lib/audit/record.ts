// The one way to record an audited action: recordAudit(actor, context, event), which resolves
// only once the row is committed (lib/audit/append.ts). Pages, route handlers, server actions and
// sign-in's hooks call it; what they must do when it rejects is in docs/audit.md (fail closed).
import "server-only";
import { headers as requestHeaders } from "next/headers";
import type { Caller } from "../auth/permissions";
import { errorResponse } from "../http-errors";
import { clientIpFrom } from "../http/client-ip";
import { appendAuditRow, AuditUnavailableError } from "./append";
import type { AuditEventInput } from "./catalogue";
import { storableText } from "./hash";

export { AuditUnavailableError };

/** Who acted: a caller, or someone not (yet) signed in (sign-in attempts), or Care Desk itself (jobs). */
export type AuditActor =
  | Caller
  | { kind: "anonymous"; label?: string | null }
  | { kind: "user-id"; userId: string; email: string | null; role: string | null }
  | { kind: "system"; label: string };

/** Where the request came from: the client IP (trusted-proxy rule) and its user agent. */
export type AuditContext = { ip: string | null; userAgent: string | null };

export const noRequestContext: AuditContext = { ip: null, userAgent: null };

/** The context of a request, from its headers (route handlers, better-auth's hooks). */
export function auditContextFrom(headers: Headers): AuditContext {
  return { ip: clientIpFrom(headers), userAgent: headers.get("user-agent") };
}

/** The context of the current page, layout or server action. */
export async function currentAuditContext(): Promise<AuditContext> {
  return auditContextFrom(await requestHeaders());
}

function actorFields(actor: AuditActor | null) {
  if (actor === null) return { actorKind: "anonymous", actorId: null, actorLabel: null, role: null };
  switch (actor.kind) {
    case "user":
      return { actorKind: "user", actorId: actor.userId, actorLabel: actor.email, role: actor.role };
    case "user-id":
      return { actorKind: "user", actorId: actor.userId, actorLabel: actor.email, role: actor.role };
    case "token":
      return { actorKind: "token", actorId: actor.tokenId, actorLabel: actor.name, role: actor.role };
    case "anonymous":
      return { actorKind: "anonymous", actorId: null, actorLabel: actor.label ?? null, role: null };
    case "system":
      return { actorKind: "system", actorId: null, actorLabel: actor.label, role: null };
  }
}

const idText = (value: string | null | undefined) => storableText(value, 200);

/**
 * Records one audited action and resolves once its row is committed. Rejects with
 * AuditUnavailableError when it could not be: then the data the action would show must not be sent.
 */
export async function recordAudit(actor: AuditActor | null, context: AuditContext, event: AuditEventInput): Promise<void> {
  const who = actorFields(actor);
  await appendAuditRow({
    at: new Date(),
    actorKind: who.actorKind,
    actorId: idText(who.actorId),
    actorLabel: storableText(who.actorLabel, 320),
    role: idText(who.role),
    ip: storableText(context.ip, 64),
    userAgent: storableText(context.userAgent, 512),
    action: event.action,
    outcome: event.outcome ?? "allowed",
    consultationId: event.consultationId === undefined || event.consultationId === null ? null : BigInt(event.consultationId),
    recommendationId: event.recommendationId ?? null,
    deliveryId: event.deliveryId ?? null,
    subjectUserId: idText(event.subjectUserId),
    subjectTokenId: idText(event.subjectTokenId),
    detail: storableText(JSON.stringify(event.detail), 4000) ?? "{}",
  });
}

/**
 * For events that describe something already done (a sign-in, an admin's change): recorded, and a
 * failure to record is logged loudly rather than undoing what better-auth already committed.
 */
export async function recordAuditOrLog(actor: AuditActor | null, context: AuditContext, event: AuditEventInput): Promise<void> {
  try {
    await recordAudit(actor, context, event);
  } catch (error) {
    console.error(`audit: could not record ${event.action}`, error);
  }
}

/**
 * Fail closed: records the event and answers true, or logs why not and answers false, when the
 * caller must then withhold the data (a page shows AuditUnavailable, an API answers 503).
 */
export async function recordBeforeShowing(actor: AuditActor | null, context: AuditContext, event: AuditEventInput): Promise<boolean> {
  try {
    await recordAudit(actor, context, event);
    return true;
  } catch (error) {
    console.error(`audit: could not record ${event.action}; the data is withheld`, error);
    return false;
  }
}

/** What the read API answers when the audit row could not be written (the data is not sent). */
export function auditUnavailableResponse(): Response {
  return errorResponse(503, "audit_unavailable", "The audit trail could not record this request, so its data is not sent. Retry in a moment.", undefined, { "Retry-After": "5" });
}

/** A list query as recorded: its filters and search term, without the paging cursor. */
export function auditedListQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams(params);
  for (const name of ["after", "before"]) kept.delete(name);
  return kept.toString();
}
