// A real OpenID provider for the SSO tests: oidc-provider (a certified implementation) on
// 127.0.0.1, with one confidential client for Care Desk's callback and its development login and
// consent forms. Accounts are keyed by login; their claims (groups) are read at each sign-in, so
// a test can change a person's groups between two sign-ins.
import http from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./next-server";

export type TestIdentity = { email: string; name: string; groups: string[]; emailVerified?: boolean };

export type RunningProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestIdentity>;
  stop: () => Promise<void>;
};

export async function startOidcProvider(redirectUri: string): Promise<RunningProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "care-desk";
  const clientSecret = "care-desk-test-client-secret-0123456789";
  const accounts = new Map<string, TestIdentity>();
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], response_types: ["code"], grant_types: ["authorization_code"] }],
    async findAccount(_ctx, sub) {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: identity.email, email_verified: identity.emailVerified ?? true, name: identity.name, groups: identity.groups }),
      };
    },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // The scopes' claims go into the ID token too (as Entra ID, Okta and Keycloak can be set to do).
    conformIdTokenClaims: false,
    cookies: { keys: ["care-desk-oidc-provider-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
