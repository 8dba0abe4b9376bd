// The one better-auth configuration (better-auth 1.7.25). Plugins are a list: two-factor and
// single sign-on go into `featurePlugins`; nextCookies stays last, as better-auth requires.
// Only lib/auth uses this module: pages, route handlers and actions go through lib/auth/caller
// and the small functions beside it.
import "server-only";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";
import { auditContextFrom, recordAuditOrLog } from "../audit/record";
import { databaseKind } from "../db";
import { env } from "../env";
import { clientIpFrom } from "../http/client-ip";
import { getAuthSecret } from "./auth-secret";
import { maxPasswordLength, minPasswordLength, passwordProblem } from "./passwords";
import { createSerialisedClient } from "./serialised-client";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfter } from "./sign-in-limits";
import { createSsoPlugins, ssoConfig, validateSsoUserInfo } from "./sso";
import { createTwoFactorPlugins } from "./two-factor-plugin";
import { countSignIn, passwordOutcome, ssoOutcome } from "../observability/sign-in-metrics";

/** The one message for an unknown email, a wrong password and a locked account (no user enumeration). */
export const signInFailedMessage = "The email or password is not correct, or sign-in is paused for this account. Try again later.";

// better-auth's admin plugin checks its own statements; our permission table
// (lib/auth/permissions.ts) maps admin → users:manage, and only admin may use these endpoints.
const accessControl = createAccessControl(defaultStatements);
const adminPluginRoles = {
  admin: accessControl.newRole({
    user: ["create", "list", "set-role", "ban", "delete", "set-password", "get", "update"],
    session: ["list", "revoke", "delete"],
  }),
  coordinator: accessControl.newRole({ user: [], session: [] }),
  auditor: accessControl.newRole({ user: [], session: [] }),
};

/** Features on top of email + password: roles, two-factor (lib/auth/two-factor-plugin.ts), single sign-on (lib/auth/sso.ts). */
const featurePlugins = [
  admin({ ac: accessControl, roles: adminPluginRoles, adminRoles: ["admin"], defaultRole: "auditor" }),
  ...createTwoFactorPlugins(),
  ...createSsoPlugins(),
];

/**
 * better-auth's HTTP endpoints reachable under /api/auth (everything else is used server-side only):
 * password sign-in, sign-out, and the identity provider's redirect back when SSO is configured.
 */
export const publicAuthPaths: readonly string[] = ["/sign-in/email", "/sign-out", ...(ssoConfig ? [`/callback/${ssoConfig.providerId}`] : [])];

const passwordPaths = new Set(["/sign-up/email", "/admin/create-user", "/admin/set-user-password", "/change-password", "/reset-password", "/set-password"]);

const beforeHook = createAuthMiddleware(async (ctx) => {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (passwordPaths.has(ctx.path)) {
    const password = typeof body.newPassword === "string" ? body.newPassword : body.password;
    const problem = typeof password === "string" ? passwordProblem(password) : null;
    if (problem) throw new APIError("BAD_REQUEST", { code: "WEAK_PASSWORD", message: problem });
  }
  if (ctx.path === "/sign-in/email") {
    const email = typeof body.email === "string" ? body.email : "";
    const retryAfter = await signInRetryAfter(email, clientIpFrom(ctx.headers ?? new Headers()));
    if (retryAfter !== null) {
      countSignIn("limited");
      await recordAuditOrLog(null, auditContextFrom(ctx.headers ?? new Headers()), {
        action: "sign_in.locked",
        outcome: "denied",
        detail: { email: email.trim().toLowerCase().slice(0, 320), retryAfterSeconds: retryAfter },
      });
      throw new APIError("TOO_MANY_REQUESTS", { code: "SIGN_IN_LIMITED", message: signInFailedMessage }, { "Retry-After": String(retryAfter) });
    }
  }
  if (ctx.path === "/sign-out") {
    // Recorded before the session is gone (the audit row names who signed out).
    const current = await getSessionFromCtx(ctx).catch(() => null);
    if (current) {
      const user = current.user as typeof current.user & { role?: string | null };
      await recordAuditOrLog({ kind: "user-id", userId: user.id, email: user.email, role: user.role ?? null }, auditContextFrom(ctx.headers ?? new Headers()), {
        action: "sign_out",
        detail: { everywhere: false },
      });
    }
  }
});

/** The sign-in endpoints a session can come out of, and how the audit trail names them. */
function signInMethod(path: string): "password" | "sso" | null {
  if (path === "/sign-in/email") return "password";
  if (path.startsWith("/callback/") || path.startsWith("/oauth2/callback/")) return "sso";
  return null;
}

const afterHook = createAuthMiddleware(async (ctx) => {
  const method = signInMethod(ctx.path);
  if (method === null) return;
  if (method === "sso") countSignIn(ssoOutcome(ctx.context.returned));
  const context = auditContextFrom(ctx.headers ?? new Headers());
  const created = ctx.context.newSession;
  // The password was right but a code is still due (two-factor): not signed in yet; the code
  // step records the sign-in (lib/auth/two-factor.ts verifySignInCode).
  const returnedValue: unknown = ctx.context.returned;
  const awaitingCode = typeof returnedValue === "object" && returnedValue !== null && "twoFactorRedirect" in returnedValue && Boolean((returnedValue as { twoFactorRedirect?: unknown }).twoFactorRedirect);
  if (created && !awaitingCode) {
    const user = created.user as typeof created.user & { role?: string | null };
    await recordAuditOrLog({ kind: "user-id", userId: user.id, email: user.email, role: user.role ?? null }, context, { action: "sign_in.succeeded", detail: { method } });
  }
  if (method !== "password") return;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const email = typeof body.email === "string" ? body.email : "";
  const returned = ctx.context.returned;
  const failed = returned instanceof Error && "statusCode" in returned && (returned as APIError).statusCode === 401;
  if (failed) {
    await recordSignInFailure(email, clientIpFrom(ctx.headers ?? new Headers()));
    await recordAuditOrLog(null, context, { action: "sign_in.failed", outcome: "denied", detail: { email: email.trim().toLowerCase().slice(0, 320), method: "password" } });
  } else if (!(returned instanceof Error)) await recordSignInSuccess(email);
  countSignIn(passwordOutcome(returned));
});

const maxSessionSeconds = env.CARE_DESK_SESSION_MAX_HOURS * 60 * 60;

/**
 * Browsers' POSTs to /api/auth/* must come from this site: the public URL when set, else the
 * origin of the Host the request came to (proxy.ts refuses Hosts that are not allowed).
 */
function trustedOrigins(request?: Request): string[] {
  if (env.CARE_DESK_PUBLIC_URL) return [new URL(env.CARE_DESK_PUBLIC_URL).origin];
  const host = request?.headers.get("host");
  return host ? [`${new URL(request!.url).protocol}//${host}`] : [];
}

/** Everything but the secret and the database: what getAuthTables and the drift test read. */
export const authOptions = {
  appName: "Care Desk",
  baseURL: env.CARE_DESK_PUBLIC_URL,
  basePath: "/api/auth",
  trustedOrigins,
  emailAndPassword: {
    enabled: true,
    // No public sign-up: admins create users (/admin/users, npm run user:create, the setup link).
    disableSignUp: true,
    minPasswordLength,
    maxPasswordLength,
    revokeSessionsOnPasswordReset: true,
  },
  session: {
    // The absolute lifetime: expiresAt is fixed at sign-in and never moved. The idle timeout is
    // checked against updatedAt (the last request) in lib/auth/caller.ts.
    expiresIn: maxSessionSeconds,
    disableSessionRefresh: true,
  },
  advanced: {
    // Cookie names care-desk.session_token / __Secure-care-desk.session_token (proxy.ts looks for them).
    cookiePrefix: "care-desk",
    useSecureCookies: env.CARE_DESK_PUBLIC_URL?.startsWith("https://") ?? false,
  },
  // Sign-in limits are ours (lib/auth/sign-in-limits.ts, in the database for every instance).
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  // Its per-attempt warnings ("Invalid password") would fill the logs of a brute-force attempt.
  logger: { level: "error" },
  hooks: { before: beforeHook, after: afterHook },
  // SSO: claims that map to no role are refused here, before any row is written (lib/auth/sso.ts).
  // locale and digits (lib/i18n): read with the session; never set through better-auth's endpoints
  // (input: false), only by lib/writes/user-preferences.ts.
  user: {
    validateUserInfo: validateSsoUserInfo,
    additionalFields: {
      locale: { type: "string", required: false, input: false },
      digits: { type: "string", required: false, input: false },
    },
  },
  account: {
    // An SSO identity joins an existing account only when the provider says the email is verified
    // (email_verified); local accounts are created by admins, so their email is not "verified" here.
    accountLinking: { enabled: true, trustedProviders: [], requireLocalEmailVerified: false },
  },
  // Failed SSO sign-ins (refused role, provider errors) land on the sign-in page with ?error=.
  onAPIError: { errorURL: "/sign-in" },
  plugins: [...featurePlugins, nextCookies()],
} satisfies BetterAuthOptions;

function createAuth(secret: string) {
  return betterAuth({
    ...authOptions,
    secret,
    database: prismaAdapter(createSerialisedClient(), { provider: databaseKind }),
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { careDeskAuth?: Promise<Auth> };

/** The better-auth instance, built on first use (the secret may come from the database). */
export function getAuth(): Promise<Auth> {
  globalForAuth.careDeskAuth ??= getAuthSecret().then(createAuth);
  globalForAuth.careDeskAuth.catch(() => (globalForAuth.careDeskAuth = undefined));
  return globalForAuth.careDeskAuth;
}
