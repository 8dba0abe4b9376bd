// Single sign-on with any OpenID Connect provider (better-auth's genericOAuth plugin), configured
// by OIDC_* in lib/env.ts. The provider's endpoints come from discovery at the issuer. At every
// SSO sign-in the role is read again from the claims (lib/auth/sso-roles.ts): claims that map to
// no role are refused before any user, account or session is written.
import "server-only";
import type { BetterAuthOptions } from "better-auth";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { env } from "../env";
import { parseRoleMap, roleFromClaims, type RoleMap } from "./sso-roles";

/** better-auth's id for the provider: the callback is <public URL>/api/auth/callback/oidc. */
export const ssoProviderId = "oidc";

/** The error code on the refusal page when the claims map to no role. */
export const ssoNoRoleError = "no_care_desk_role";

export type SsoConfig = {
  providerId: string;
  displayName: string;
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roleMap: RoleMap;
  scopes: string[];
  callbackUrl: string;
};

function readSsoConfig(): SsoConfig | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = [!issuer && "OIDC_ISSUER", !clientId && "OIDC_CLIENT_ID", !clientSecret && "OIDC_CLIENT_SECRET", !env.OIDC_ROLE_MAP && "OIDC_ROLE_MAP", !env.CARE_DESK_PUBLIC_URL && "CARE_DESK_PUBLIC_URL"].filter(Boolean);
  if (missing.length > 0) throw new Error(`Invalid configuration: single sign-on needs ${missing.join(", ")} as well`);
  const base = env.CARE_DESK_PUBLIC_URL!.replace(/\/+$/, "");
  return {
    providerId: ssoProviderId,
    displayName: env.OIDC_DISPLAY_NAME,
    issuer: issuer!,
    discoveryUrl: `${issuer!.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: clientId!,
    clientSecret: clientSecret!,
    roleClaim: env.OIDC_ROLE_CLAIM,
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP!),
    scopes: [...new Set(["openid", ...env.OIDC_SCOPES.split(/\s+/)])],
    callbackUrl: `${base}/api/auth/callback/${ssoProviderId}`,
  };
}

/** The SSO configuration, or null when OIDC_* is not set. Throws at start on a half configuration. */
export const ssoConfig: SsoConfig | null = readSsoConfig();

/** What the sign-in page needs to know: whether to show "Sign in with <name>". */
export const ssoDisplayName: string | null = ssoConfig?.displayName ?? null;

/** The plugins list entry; empty without configuration. */
export function createSsoPlugins() {
  if (!ssoConfig) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: ssoConfig.providerId,
          name: ssoConfig.displayName,
          discoveryUrl: ssoConfig.discoveryUrl,
          clientId: ssoConfig.clientId,
          clientSecret: ssoConfig.clientSecret,
          scopes: ssoConfig.scopes,
          pkce: true,
          // Refuse an ID token that discovery's keys cannot verify.
          requireIdTokenVerification: true,
        },
      ],
    }),
  ];
}

type ValidateUserInfo = NonNullable<NonNullable<BetterAuthOptions["user"]>["validateUserInfo"]>;

/**
 * better-auth's gate before it creates, links or signs in a provider identity. For our provider it
 * maps the claims to a role: none → refused (nothing written); otherwise the user row gets that
 * role, at every sign-in, so a change at the identity provider takes effect at the next one.
 */
export const validateSsoUserInfo: ValidateUserInfo = async ({ user, source }, ctx) => {
  if (!ssoConfig || source.method !== "oauth" || source.oauth?.providerId !== ssoConfig.providerId) return;
  const role = roleFromClaims(source.oauth.profile ?? {}, ssoConfig.roleClaim, ssoConfig.roleMap);
  const userId = typeof user.id === "string" ? user.id : null;
  if (!role) {
    // The identity provider no longer grants a role: this person's open sessions end too.
    if (userId) await ctx.context.internalAdapter.deleteUserSessions(userId);
    return { error: ssoNoRoleError, errorDescription: "Your account has no Care Desk role." };
  }
  if (source.action === "create-user") {
    // `user` is the very row better-auth is about to insert (internalAdapter.createUser); the admin
    // plugin's default role only applies when none is set. tests/integration/sso-oidc.test.ts checks it.
    user.role = role;
  } else if (userId) {
    await ctx.context.internalAdapter.updateUser(userId, { role });
  }
};
