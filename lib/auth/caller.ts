// The one data-access gate: who is calling, and may they? Every page, route handler and server
// action calls one of the require* functions (deny by default); lib/data checks the caller again.
import "server-only";
import { headers as requestHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auditContextFrom, recordAuditOrLog } from "../audit/record";
import { writeTransaction } from "../db";
import { env } from "../env";
import { errorResponse } from "../http-errors";
import { safeNextPath } from "../http/safe-next-path";
import { callerFromApiToken } from "./api-tokens";
import { getAuth } from "./auth";
import { hasPermission, isRole, type Caller, type Permission } from "./permissions";
import { mustEnrolTwoFactor } from "./two-factor-policy";

type UserCaller = Extract<Caller, { kind: "user" }>;
/** A signed-in person as the session shows them (with whether they use two-factor sign-in, and their UI language and digits, null: not chosen). */
export type SessionCaller = UserCaller & { twoFactorEnabled: boolean; locale: string | null; digits: string | null };

/** Where an admin goes to enrol while two-factor is required for admins. */
export const twoFactorEnrolmentPath = "/account?two-factor=required";

const idleMs = env.CARE_DESK_SESSION_IDLE_MINUTES * 60 * 1000;
/** Activity is written at most once a minute per session: most requests stay reads. */
const activityPrecisionMs = Math.min(60_000, idleMs / 10);

export type SessionOptions = {
  /**
   * Whether this request counts as activity (moves the idle timeout). The pages' live refresh
   * passes false: a screen left open must still time out.
   */
  activity?: boolean;
};

/** The signed-in person behind a request's session cookie, or null (signed out, idle too long, disabled). */
export async function callerFromSession(headers: Headers, { activity = true }: SessionOptions = {}): Promise<SessionCaller | null> {
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers });
  if (!result) return null;
  // The admin plugin's fields (role, banned) are columns of User (see prisma/models.prisma).
  const { session } = result;
  const user = result.user as typeof result.user & { role?: string | null; banned?: boolean | null; twoFactorEnabled?: boolean | null; locale?: string | null; digits?: string | null };
  const now = Date.now();
  if (session.updatedAt.getTime() + idleMs <= now) {
    // Idle too long: the session ends for good, as if signed out.
    await writeTransaction((tx) => tx.session.deleteMany({ where: { id: session.id } }));
    return null;
  }
  if (user.banned || !isRole(user.role)) return null;
  if (activity && now - session.updatedAt.getTime() >= activityPrecisionMs) {
    await writeTransaction((tx) => tx.session.updateMany({ where: { id: session.id }, data: { updatedAt: new Date(now) } }));
  }
  return { kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id, twoFactorEnabled: user.twoFactorEnabled === true, locale: user.locale ?? null, digits: user.digits ?? null };
}

/** The caller of a read-API request: a bearer token (cdk_…) or a session cookie. */
export async function callerFromRequest(request: Request, options: SessionOptions = {}): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const [scheme, token] = authorization.split(/\s+/, 2);
    // A malformed or unknown Authorization header is never "no credentials": it is refused.
    return scheme?.toLowerCase() === "bearer" && token ? callerFromApiToken(token) : null;
  }
  return callerFromSession(request.headers, options);
}

/**
 * A signed-in caller refused for their role is recorded (permission.denied). Anonymous callers
 * are not: they are sent to sign in (pages) or answered 401, and recording every unauthenticated
 * request would let anyone on the network fill the trail (docs/audit.md).
 */
async function recordDenial(caller: Caller, headers: Headers, permission: Permission, path: string | null): Promise<void> {
  await recordAuditOrLog(caller, auditContextFrom(headers), { action: "permission.denied", outcome: "denied", detail: { permission, path } });
}

/** Once per request: a page's layout and the page itself both check the same permission. */
const recordPageDenial = cache(async (permission: Permission, path: string): Promise<void> => {
  const caller = await getCaller();
  if (caller) await recordDenial(caller, await requestHeaders(), permission, path);
});

/** The signed-in person for this request (pages, layouts, server actions), looked up once per request. */
export const getCaller = cache(async (): Promise<SessionCaller | null> => callerFromSession(await requestHeaders()));

/** Where a signed-in user lands by default, and where an unusable `next=` sends them. */
export const defaultNextPath = "/consultations";

export const signInPath = (next: string) => `/sign-in?next=${encodeURIComponent(safeNextPath(next, defaultNextPath))}`;

/**
 * For pages and layouts: the caller, when they may `permission`. Signed out: a redirect to
 * /sign-in?next=<path>. Signed in without the permission: the 403 page (app/forbidden.tsx).
 */
export async function requirePagePermission(permission: Permission | null, path: string): Promise<SessionCaller> {
  const caller = await getCaller();
  if (!caller) redirect(signInPath(path));
  // Two-factor required for admins: an admin without it enrols at /account before anything else.
  if (permission !== null && (await mustEnrolTwoFactor(caller))) redirect(twoFactorEnrolmentPath);
  if (permission !== null && !hasPermission(caller.role, permission)) {
    await recordPageDenial(permission, path);
    forbidden();
  }
  return caller;
}

export type ApiGuard = { ok: true; caller: Caller } | { ok: false; response: Response };

/** For route handlers: the caller, or the 401 / 403 answer with the common error body. */
export async function requireApiPermission(request: Request, permission: Permission, options: SessionOptions = {}): Promise<ApiGuard> {
  const caller = await callerFromRequest(request, options);
  if (!caller) {
    return { ok: false, response: errorResponse(401, "unauthorized", "Sign in, or send Authorization: Bearer <API token>.") };
  }
  if (await mustEnrolTwoFactor(caller)) {
    return { ok: false, response: errorResponse(403, "two_factor_required", "Admins must set up two-factor sign-in first (at /account).") };
  }
  if (!hasPermission(caller.role, permission)) {
    await recordDenial(caller, request.headers, permission, new URL(request.url).pathname);
    return { ok: false, response: errorResponse(403, "forbidden", `The ${caller.role} role may not do this (${permission}).`) };
  }
  return { ok: true, caller };
}

export type ActionGuard = { ok: true; caller: UserCaller } | { ok: false; code: "unauthorized" | "forbidden"; message: string };

/** For server actions (callable with curl like any endpoint): the signed-in caller, or why not. */
export async function requireActionPermission(permission: Permission | null): Promise<ActionGuard> {
  const caller = await getCaller();
  if (!caller) return { ok: false, code: "unauthorized", message: "You are signed out. Sign in again." };
  if (permission !== null && (await mustEnrolTwoFactor(caller))) {
    return { ok: false, code: "forbidden", message: "Set up two-factor sign-in at /account first: it is required for admins." };
  }
  if (permission !== null && !hasPermission(caller.role, permission)) {
    await recordDenial(caller, await requestHeaders(), permission, null);
    return { ok: false, code: "forbidden", message: "Your role may not do this." };
  }
  return { ok: true, caller };
}
