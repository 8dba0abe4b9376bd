// A Care Desk of its own for the sign-in flow specs (two-factor, single sign-on): a real OpenID
// provider (tests/support/oidc-provider.ts) and `next start` configured for it, on a fresh
// SQLite database, on a free port the system picks (so runs side by side never collide). Users are created
// with `npm run user:create`'s script, the same code path as in production.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabase } from "../../lib/db-config";
import { applyPendingMigrations } from "../../scripts/lib/migrate";
import { freePort, startNextServer, type RunningServer } from "../../tests/support/next-server";
import { startOidcProvider, type RunningProvider } from "../../tests/support/oidc-provider";
import { e2eSigningSecret } from "./test-server";

const root = path.resolve(import.meta.dirname, "../..");
export const ssoDisplayName = "Insurer Login";

export type AuthFlowServer = {
  url: string;
  idp: RunningProvider;
  createUser: (role: "admin" | "coordinator" | "auditor", email: string, password: string) => string;
  stop: () => Promise<void>;
};

export async function startAuthFlowServer(): Promise<AuthFlowServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const idp = await startOidcProvider(`${url}/api/auth/callback/oidc`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-e2e-auth-"));
  const databaseUrl = `file:${path.join(dir, "care-desk.db")}`;
  let server: RunningServer | null = null;
  try {
    await applyPendingMigrations(resolveDatabase(databaseUrl));
    server = await startNextServer(
      {
        DATABASE_URL: databaseUrl,
        CARE_DESK_PUBLIC_URL: url,
        WEBHOOK_SIGNING_SECRETS: e2eSigningSecret,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_ROLE_CLAIM: "groups",
        OIDC_ROLE_MAP: "care-admins=admin,care-team=coordinator,audit=auditor",
        OIDC_DISPLAY_NAME: ssoDisplayName,
        OIDC_SCOPES: "openid email profile groups",
      },
      port,
    );
  } catch (error) {
    await idp.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const running = server;
  return {
    url,
    idp,
    createUser: (role, email, password) =>
      execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", role, "--name", `E2E ${role}`], {
        cwd: root,
        input: `${password}\n`,
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATABASE_URL: databaseUrl },
      })
        .toString()
        .trim(),
    stop: async () => {
      await running.stop();
      await idp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
